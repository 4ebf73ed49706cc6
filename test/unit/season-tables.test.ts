import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSeasonTables, SEASON_TABLES_FOLDER } from '../../main/season-tables.ts'
import { parseSeasonTable } from '../../shared/domain/season-table.ts'
import { SHIPPED_SEASON_TABLES } from '../../shared/domain/seasons.ts'
import { useTempDir } from '../support/temp-dir.ts'
import seasonMn2 from '../../shared/season-tables/season-mn-2.json' with { type: 'json' }

const tempDir = useTempDir()
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
const message = (json: unknown) => {
  const parsed = parseSeasonTable(json, 'mine.json')
  return parsed.ok ? 'accepted' : parsed.error.message
}

describe('season table schema', () => {
  it('accepts every shipped table', () => {
    expect(SHIPPED_SEASON_TABLES.map((t) => t.id)).toEqual(['season-mn-1', 'season-mn-2'])
    expect(SHIPPED_SEASON_TABLES.every((t) => t.loadedFrom?.kind === 'shipped')).toBe(true)
  })

  const DELETE = Symbol('delete')
  /** The shipped Season 2 table with one value changed (or deleted) at `path`. */
  const spoiled = (path: readonly (string | number)[], value: unknown): unknown => {
    const table = clone(seasonMn2) as unknown as Record<string | number, unknown>
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, table)
    const last = path.at(-1) as string | number
    if (value === DELETE) delete parent[last]
    else parent[last] = value
    return table
  }

  it.each([
    ['a word for an item level', ['raidRewards', 'mythic', 'itemLevel'], 'high', 'Season table mine.json: raidRewards.mythic.itemLevel:'],
    ['an item level out of the game\'s range', ['dungeonRewards', 2, 'reward', 'itemLevel'], 99999, 'Season table mine.json: dungeonRewards[2].reward.itemLevel:'],
    ['an unknown track', ['worldRewards', 0, 'reward', 'track'], 'Mythic', 'worldRewards[0].reward.track'],
    ['thresholds that go down', ['raidThresholds'], [2, 6, 4], 'raidThresholds: thresholds must not go down'],
    ['steps out of order', ['dungeonRewards', 1, 'minLevel'], 9, 'dungeonRewards: steps must be in rising minLevel order'],
    ['a missing difficulty', ['raidRewards', 'lfr'], DELETE, 'raidRewards.lfr'],
    ['a season id that is not a slug', ['id'], '../season 3', 'id:'],
    ['a date that is not a date', ['updated'], '2026-13-01', 'updated:'],
    ['a rank that contradicts the ladder', ['raidRewards', 'heroic', 'rank'], 2, 'raidRewards.heroic.rank: Myth 2 contradicts the Myth ladder (318 is rank 1)'],
    ['a last period before the first', ['lastPeriod'], 1000, 'lastPeriod: ends before firstPeriod'],
    ['a crest statistic that is not an id', ['crests', 'kinds', 4, 'statisticId'], -3, 'crests.kinds[4].statisticId'],
    ['a crest cap rising by nothing', ['crests', 'kinds', 1, 'cap', 'perWeek'], 0, 'crests.kinds[1].cap.perWeek'],
    ['a crest list without kinds', ['crests', 'kinds'], [], 'crests.kinds'],
  ] as const)('refuses %s, naming the file and the field', (_what, path, value, expected) => {
    expect(message(spoiled(path, value))).toContain(expected)
  })

  it('fills ranks from the track ladders and leaves them unknown without one', () => {
    const parsed = parseSeasonTable(clone(seasonMn2), 'x.json')
    expect(parsed.ok && parsed.value.worldRewards.map((s) => `${s.reward.track} ${s.reward.rank}`)).toEqual(['Veteran 1', 'Veteran 2', 'Veteran 3', 'Veteran 4', 'Champion 1', 'Champion 3', 'Champion 4', 'Hero 1'])
    const noLadder = { ...clone(seasonMn2), tracks: undefined }
    const bare = parseSeasonTable(noLadder, 'x.json')
    expect(bare.ok && bare.value.dungeonRewards[3]?.reward.rank).toBeNull()
  })

  it('keeps a value\'s source note in the file only: nothing of it reaches a reward', () => {
    const parsed = parseSeasonTable(clone(seasonMn2), 'x.json')
    expect(parsed.ok && Object.keys(parsed.value.dungeonRewards[0]!.reward).sort()).toEqual(['confirmed', 'itemLevel', 'rank', 'track'])
  })
})

describe('season tables from the data folder', () => {
  const JANUARY_2027 = Date.parse('2027-01-20T12:00:00Z')
  const drop = (dataDir: string, file: string, content: unknown) => {
    mkdirSync(join(dataDir, SEASON_TABLES_FOLDER), { recursive: true })
    writeFileSync(join(dataDir, SEASON_TABLES_FOLDER, file), typeof content === 'string' ? content : JSON.stringify(content))
  }

  it('uses the shipped tables when the folder is absent', () => {
    expect(loadSeasonTables(tempDir())).toEqual({ tables: [...SHIPPED_SEASON_TABLES], problems: [] })
  })

  it('a dropped-in table of a new season is added; one of a shipped season replaces it only when not older', () => {
    const dir = tempDir()
    drop(dir, 'season-mn-3.json', { ...clone(seasonMn2), id: 'season-mn-3', name: 'Midnight Season 3' })
    drop(dir, 'newer-s2.json', { ...clone(seasonMn2), updated: '2027-01-10', raidRewards: { ...clone(seasonMn2).raidRewards, lfr: { itemLevel: 295, track: 'Champion', confirmed: true } } })
    const { tables, problems } = loadSeasonTables(dir, JANUARY_2027)
    expect(problems).toEqual([])
    expect(tables.map((t) => `${t.id}:${t.loadedFrom?.kind}:${t.loadedFrom?.file}`)).toEqual(['season-mn-1:shipped:season-mn-1.json', 'season-mn-2:data-folder:newer-s2.json', 'season-mn-3:data-folder:season-mn-3.json'])
    expect(tables[1]?.raidRewards.lfr.itemLevel).toBe(295)
    expect(tables.map((t) => t.loadedFrom?.why)).toEqual([undefined, 'checked 2027-01-10, not older than the table this version ships (checked 2026-12-07)', 'this version has no table for Midnight Season 3'])

    const stale = tempDir()
    drop(stale, 'old-s2.json', { ...clone(seasonMn2), updated: '2026-11-01' })
    const old = loadSeasonTables(stale, JANUARY_2027)
    expect(old.tables[1]?.loadedFrom?.kind).toBe('shipped')
    expect(old.problems).toEqual(['Season table old-s2.json (checked 2026-11-01) is older than the table this version ships (checked 2026-12-07), so it is not used.'])
  })

  it('a file that is not JSON, too large, or unreadable is left out with a message; the others still load', () => {
    const dir = tempDir()
    drop(dir, 'broken.json', '{ "id": "season-mn-3", ')
    drop(dir, 'huge.json', ' '.repeat(1024 * 1024 + 1))
    drop(dir, 'notes.txt', 'not a table')
    // A dangling link is not a plain file (creating one needs extra rights on Windows: POSIX only).
    const posix = process.platform !== 'win32'
    if (posix) symlinkSync(join(dir, 'nowhere.json'), join(dir, SEASON_TABLES_FOLDER, 'dangling.json'))
    const { tables, problems } = loadSeasonTables(dir)
    expect(tables).toHaveLength(2)
    expect(problems).toEqual([
      expect.stringMatching(/^Season table broken\.json is not valid JSON \(.+\); it is not used\.$/),
      ...(posix ? ['Season table dangling.json is not a plain file (a link, a pipe or a device); it is not used.'] : []),
      'Season table huge.json is larger than 1 MB, so it is not a season table; it is not used.',
    ])
  })

  // POSIX only: Windows has no FIFOs or /dev/zero, and its links need extra rights.
  it.skipIf(process.platform === 'win32')('a FIFO, a link to /dev/zero or to a real table, and a device are refused without being opened for reading (issue 28.2)', () => {
    const dir = tempDir()
    const folder = join(dir, SEASON_TABLES_FOLDER)
    drop(dir, 'real.json', { ...clone(seasonMn2), id: 'season-mn-3', name: 'Midnight Season 3' })
    // Reading a FIFO blocks until someone writes to it: the old loader hung here for ever.
    execFileSync('mkfifo', [join(folder, 's3.json')])
    symlinkSync('/dev/zero', join(folder, 'zero.json'))
    symlinkSync(join(folder, 'real.json'), join(folder, 'link-to-real.json'))
    const { tables, problems } = loadSeasonTables(dir)
    expect(tables.map((t) => t.loadedFrom?.file)).toEqual(['season-mn-1.json', 'season-mn-2.json', 'real.json'])
    expect(problems).toEqual(['link-to-real.json', 's3.json', 'zero.json'].map((file) => `Season table ${file} is not a plain file (a link, a pipe or a device); it is not used.`))
  })

  it('a table dated after today is refused, so it cannot outrank the tables later versions ship (issue 28.3)', () => {
    const dir = tempDir()
    drop(dir, 'forever.json', { ...clone(seasonMn2), updated: '2999-12-31', raidRewards: { ...clone(seasonMn2).raidRewards, lfr: { itemLevel: 999, track: 'Myth', confirmed: true } } })
    drop(dir, 'tomorrow-in-kiribati.json', { ...clone(seasonMn2), id: 'season-mn-3', name: 'Midnight Season 3', updated: '2027-01-21' })
    // 2027-01-20 20:00 UTC is already the 21st east of the date line: that date is not in the future.
    const { tables, problems } = loadSeasonTables(dir, Date.parse('2027-01-20T20:00:00Z'))
    expect(tables.find((t) => t.id === 'season-mn-2')?.loadedFrom?.kind).toBe('shipped')
    expect(tables.find((t) => t.id === 'season-mn-3')?.loadedFrom?.file).toBe('tomorrow-in-kiribati.json')
    expect(problems).toEqual(['Season table forever.json says it was checked on 2999-12-31, which is after today: a table cannot have been checked in the future, so it is not used.'])
    // Earlier that day it was not yet the 21st anywhere: then that table, too, was dated in the future.
    expect(loadSeasonTables(dir, Date.parse('2027-01-20T08:00:00Z')).problems).toHaveLength(2)
  })
})
