import { existsSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fs } from '../../../main/fs.ts'
import { MAX_NESTING, parseLuaData } from '../../../main/game/saved-variables/lua-data.ts'
import { readSavedFilesInWorker } from '../../../main/game/saved-variables/read-in-worker.ts'
import { MAX_SAVED_FILE_BYTES, readSavedFile, type SavedFileResult } from '../../../main/game/saved-variables/read-saved-file.ts'
import { useTempDir } from '../../support/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'game')
const fixture = (name: string) => join(FIXTURES, name)
const characters = (result: SavedFileResult) => {
  if (!result.ok) throw new Error(`refused: ${result.problem}`)
  return result.characters
}
const problem = (result: SavedFileResult) => (result.ok ? null : result.problem)

describe("the addons' saved files, as each addon writes them", () => {
  it('AlterEgo: slots with progress and difficulty or level, rewards waiting; no item level; every character with its save time', () => {
    const [thrall, jaina] = characters(readSavedFile({ addon: 'AlterEgo', path: fixture('AlterEgo.lua') }))
    expect(thrall).toMatchObject({ addon: 'AlterEgo', name: 'Thrall', realmName: 'Area 52', guid: 'Player-3676-0A1B2C3D', savedAt: Date.parse('2026-12-03T21:14:00Z'), rewardsWaiting: true })
    expect(thrall?.slots).toEqual([
      { row: 'raid', slot: 1, threshold: 2, progress: 3, unlocked: true, difficulty: 'heroic', level: null, itemLevel: null },
      { row: 'raid', slot: 2, threshold: 4, progress: 3, unlocked: false, difficulty: null, level: null, itemLevel: null },
      { row: 'dungeons', slot: 1, threshold: 1, progress: 2, unlocked: true, difficulty: null, level: 10, itemLevel: null },
      { row: 'dungeons', slot: 2, threshold: 4, progress: 2, unlocked: false, difficulty: null, level: null, itemLevel: null },
    ])
    // Saved last week: returned with its own time, so the vault can leave it out of this week.
    expect(jaina).toMatchObject({ name: 'Jaina', savedAt: Date.parse('2026-11-27T20:00:00Z'), slots: [] })
  })

  it("SavedInstances: unlocked slots by difficulty id or key level, the game's reward level of a keystone only, and its waiting flag", () => {
    const [thrall, sylvanas] = characters(readSavedFile({ addon: 'SavedInstances', path: fixture('SavedInstances.lua') }))
    expect(thrall).toMatchObject({ name: 'Thrall', realmName: 'Area 52', guid: null, rewardsWaiting: false })
    expect(thrall?.slots).toContainEqual({ row: 'dungeons', slot: 1, threshold: 1, progress: 3, unlocked: true, difficulty: null, level: 11, itemLevel: 318 })
    expect(thrall?.slots).toContainEqual({ row: 'raid', slot: 1, threshold: null, progress: null, unlocked: true, difficulty: 'heroic', level: null, itemLevel: null })
    expect(thrall?.slots.filter((s) => s.row === 'world')).toEqual([])
    expect(sylvanas).toMatchObject({ name: 'Sylvanas', realmName: "Mal'Ganis", rewardsWaiting: true })
  })

  it("WoWthing: keyed by GUID with no realm; each slot's item level as the game gave it", () => {
    const [thrall] = characters(readSavedFile({ addon: 'WoWthing', path: fixture('WoWthing_Collector.lua') }))
    expect(thrall).toMatchObject({ name: 'Thrall', realmName: null, guid: 'Player-3676-0A1B2C3D', savedAt: Date.parse('2026-12-04T09:20:00Z'), rewardsWaiting: false })
    expect(thrall?.slots).toContainEqual({ row: 'world', slot: 1, threshold: 2, progress: 3, unlocked: true, difficulty: null, level: 6, itemLevel: 295 })
    expect(thrall?.slots).toContainEqual({ row: 'dungeons', slot: 1, threshold: 1, progress: 3, unlocked: true, difficulty: null, level: 11, itemLevel: 318 })
  })

  it('reads the same in the worker as directly, and a worker that takes too long is stopped and said', async () => {
    const files = [
      { addon: 'AlterEgo' as const, path: fixture('AlterEgo.lua') },
      { addon: 'WoWthing' as const, path: fixture('WoWthing_Collector.lua') },
    ]
    expect(await readSavedFilesInWorker(files)).toEqual(files.map((f) => readSavedFile(f)))
    const [slow] = await readSavedFilesInWorker(files.slice(0, 1), 1)
    expect(slow).toMatchObject({ ok: false, problem: expect.stringContaining('took longer than') })
  })
})

describe('hostile or broken files are refused with the reason, and nothing in them runs', () => {
  const tempDir = useTempDir()
  const file = (text: string | Buffer, name = 'AlterEgo.lua') => {
    const path = join(tempDir(), name)
    writeFileSync(path, text)
    return path
  }
  afterEach(() => vi.restoreAllMocks())

  it('a function or a call (os.execute) is not data: the file is refused and nothing ran', () => {
    const marker = join(tempDir(), 'ran')
    const call = file(`AlterEgoDB = {}\nos.execute("echo > '${marker}'")\n`)
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: call }))).toContain('holds a function call')
    const fn = file('AlterEgoDB = { ["global"] = { ["x"] = function() return 1 end } }\n')
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: fn }))).toContain('holds a function, not saved data')
    const variable = file('AlterEgoDB = { ["global"] = os }\n')
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: variable }))).toContain('not saved data')
    expect(existsSync(marker)).toBe(false)
  })

  it('nesting 10,000 deep is refused before the parser recurses; so is a chain of 10,000 minus signs', () => {
    const deep = `AlterEgoDB = ${'{'.repeat(10_000)}${'}'.repeat(10_000)}\n`
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: file(deep) }))).toBe(`nests deeper than ${MAX_NESTING} levels`)
    const minus = `AlterEgoDB = ${'- '.repeat(10_000)}1\n`
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: file(minus) }))).toMatch(/nests too deep|not saved data/)
    // Brackets inside strings and comments are not nesting.
    expect(parseLuaData(Buffer.from(`X = { "${'{'.repeat(500)}", -- ${'{'.repeat(500)}\n [[${'{'.repeat(500)}]] }`))).toMatchObject({ ok: true })
  })

  it('a 100 MB file is refused without being read', () => {
    const path = file('')
    truncateSync(path, 100 * 1024 * 1024)
    const read = vi.spyOn(fs, 'readSync')
    expect(problem(readSavedFile({ addon: 'WoWthing', path }))).toBe(`is larger than ${MAX_SAVED_FILE_BYTES / 1024 / 1024} MB, so it was not read`)
    expect(read).not.toHaveBeenCalled()
  })

  it('wrong types lose only the values that are wrong', () => {
    const text = `AlterEgoDB = { ["global"] = { ["characters"] = {
      ["Player-1-00000001"] = { ["info"] = "Thrall", ["lastUpdate"] = "soon", ["vault"] = 7 },
      ["Player-1-00000002"] = { ["info"] = { ["name"] = { 1 }, ["realm"] = "Area 52" }, ["lastUpdate"] = 1796332440 },
      ["Player-1-00000003"] = { ["info"] = { ["name"] = "Velen", ["realm"] = "Area 52" }, ["lastUpdate"] = 1796332440,
        ["vault"] = { ["hasAvailableRewards"] = "yes", ["slots"] = { { ["type"] = "raid", ["index"] = 1 }, { ["type"] = 3, ["index"] = 9, ["threshold"] = 2, ["progress"] = 2 },
          { ["type"] = 3, ["index"] = 1, ["threshold"] = 2, ["progress"] = 1e308, ["level"] = 99 } } } },
      "not a table", 12 } } }\n`
    const [velen, ...rest] = characters(readSavedFile({ addon: 'AlterEgo', path: file(text) }))
    expect(rest).toEqual([])
    // A garbage flag is no flag: AceDB's default (false) stands, as the addon would read it.
    expect(velen).toMatchObject({ name: 'Velen', rewardsWaiting: false })
    expect(velen?.slots).toEqual([{ row: 'raid', slot: 1, threshold: 2, progress: null, unlocked: null, difficulty: null, level: null, itemLevel: null }])
  })

  it('a file that is not UTF-8 is refused; a name escaped as bytes is decoded', () => {
    const latin1 = Buffer.concat([Buffer.from('AlterEgoDB = { ["x"] = "'), Buffer.from([0xe9, 0xff]), Buffer.from('" }\n')])
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: file(latin1) }))).toBe('is not UTF-8 text as the game writes it')
    const escaped = parseLuaData(Buffer.from('X = { ["name"] = "Ny\\195\\164r", ["raw"] = "Nyär" }\n'))
    expect(escaped.ok && escaped.globals.X).toEqual({ name: 'Nyär', raw: 'Nyär' })
  })

  it.skipIf(process.platform === 'win32')('a link is not followed', () => {
    const link = join(tempDir(), 'AlterEgo.lua')
    symlinkSync(fixture('AlterEgo.lua'), link)
    expect(problem(readSavedFile({ addon: 'AlterEgo', path: link }))).toContain('is not a plain file')
  })

  it('a file the game rewrites while it is read is refused for now, to be read again', () => {
    const path = file(readFileText(fixture('AlterEgo.lua')))
    const real = fs.fstatSync.bind(fs)
    let calls = 0
    // The second look at the file (after the read) sees the game's newer write.
    vi.spyOn(fs, 'fstatSync').mockImplementation(((fd: number) => {
      const stat = real(fd)
      return ++calls === 2 ? Object.assign(stat, { mtimeMs: stat.mtimeMs + 1000 }) : stat
    }) as typeof fs.fstatSync)
    expect(readSavedFile({ addon: 'AlterEgo', path })).toMatchObject({ ok: false, retry: true, problem: expect.stringContaining('changed while it was read') })
    vi.restoreAllMocks()
    expect(readSavedFile({ addon: 'AlterEgo', path }).ok).toBe(true)
  })
})

function readFileText(path: string): string {
  return fs.readFileSync(path, 'utf8')
}
