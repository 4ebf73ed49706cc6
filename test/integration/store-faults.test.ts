import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../../main/cli/run.ts'
import { databasePath } from '../../main/data-dir.ts'
import { addCharacter, listCharacters } from '../../main/store/characters-repo.ts'
import { openStore } from '../../main/store/db.ts'
import { StoreError } from '../../main/store/store-error.ts'
import { raiderIoProfile } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { thrall, thrallScenario } from '../support/scenario.ts'
import { mountTmpfs, tmpfsUnavailable } from '../support/tmpfs.ts'

/**
 * A busy, full or read-only database: every command says what it is (never a stack trace, never
 * "damaged" for a healthy file) and nothing stored is lost.
 */
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { blizzard, raiderio, logs } = thrallScenario(h)

async function cli(dataDir: string, ...args: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: h.apis.env, now: () => h.clock.now, busyTimeoutMs: 100 }
  const code = await runCli([...args, '--data-dir', dataDir], io)
  return { code, stdout, stderr }
}

/** Holds the write lock from another connection, as the desktop app or a second CLI would. */
function lockedBy(dataDir: string) {
  const other = openStore(databasePath(dataDir))
  other.sqlite.exec('BEGIN IMMEDIATE')
  return () => {
    other.sqlite.exec('ROLLBACK')
    other.close()
  }
}

describe('the database is busy (another process is writing)', () => {
  it('track and untrack say so and exit 1; nothing stored is lost', async () => {
    blizzard([])
    raiderio()
    logs([])
    h.apis.raiderio.setProfile('us', 'area-52', 'Jaina', raiderIoProfile([], [], { name: 'Jaina', realm: 'Area 52' }))
    expect((await cli(h.dataDir, 'track', 'us/area-52/Thrall')).code).toBe(0)
    const release = lockedBy(h.dataDir)
    try {
      const untrack = await cli(h.dataDir, 'untrack', 'us/area-52/Thrall')
      expect(untrack.code).toBe(1)
      expect(untrack.stderr).toBe('Could not finish the command: another Vault Companion process (the app or the command-line tool) is writing to the database right now. Try again in a moment. Nothing was changed.\n')
      const track = await cli(h.dataDir, 'track', 'us/area-52/Jaina')
      expect(track.code).toBe(1)
      expect(track.stderr).toContain('another Vault Companion process')
    } finally {
      release()
    }
    expect((await cli(h.dataDir, 'list')).stdout).toBe('us/area-52/Thrall\n')
  })

  it('a sync whose save meets the lock is a clear DB_BUSY and keeps the earlier evidence', async () => {
    blizzard([])
    raiderio()
    logs([])
    await cli(h.dataDir, 'track', 'us/area-52/Thrall')
    await cli(h.dataDir, 'sync')
    const release = lockedBy(h.dataDir)
    try {
      const sync = await cli(h.dataDir, 'sync', '--json')
      expect(sync.code).toBe(1)
      expect(JSON.parse(sync.stdout)).toMatchObject({ results: [], errors: [{ character: { name: 'Thrall' }, error: expect.stringContaining('Could not save the sync of Thrall: another Vault Companion process') }] })
    } finally {
      release()
    }
    expect((await cli(h.dataDir, 'vault', 'us/area-52/Thrall', '--json')).code).toBe(0)
  })
})

describe('the disk is full', () => {
  it('a save that does not fit is DB_FULL and changes nothing (SQLite page limit)', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: Date.parse('2026-11-25T12:00:00Z') }])
    raiderio()
    logs([])
    const core = h.core()
    const character = h.track(thrall)
    await core.sync.syncCharacter(character, { force: true })
    const before = core.store.sqlite.prepare('select count(*) from raid_kill_observations').pluck().get()
    // No room for one more page: the next write fails as on a full disk.
    const pages = core.store.sqlite.pragma('page_count', { simple: true }) as number
    core.store.sqlite.pragma(`max_page_count = ${pages}`)
    blizzard(Array.from({ length: 400 }, (_, i) => ({ boss: `Boss ${i} with a long name to fill pages`, difficulty: 'HEROIC' as const, count: 1, lastKill: Date.parse('2026-11-25T12:00:00Z') })))
    const error = await core.sync.syncCharacter(character, { force: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code: 'DB_FULL' })
    expect((error as Error).message).toMatch(/^Could not save the sync of Thrall: the disk holding .* is full\. Free some space and try again\. Nothing was changed\.$/)
    expect(core.store.sqlite.prepare('select count(*) from raid_kill_observations').pluck().get()).toBe(before)
  })

  const unavailable = tmpfsUnavailable()
  if (unavailable) console.log(`Skipping the real full-disk and read-only tests: ${unavailable}.`)
  it.skipIf(unavailable !== undefined)('a new database on a full disk is DB_FULL, not a stack trace', async () => {
    const tiny = mountTmpfs(128)
    if (!tiny.ok) throw new Error(tiny.reason)
    try {
      const result = await cli(join(tiny.path, 'data'), 'list')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/^Could not (open|upgrade) the database: the disk holding .* is full/)
      expect(result.stderr).not.toMatch(/at .*\.ts:\d+/)
    } finally {
      tiny.unmount()
    }
  })

  it.skipIf(unavailable !== undefined)('a read-only data folder is reported as read-only, never as damaged, and the file is untouched', async () => {
    const ro = mountTmpfs(4096)
    if (!ro.ok) throw new Error(ro.reason)
    try {
      const dataDir = join(ro.path, 'data')
      const store = openStore(databasePath(dataDir))
      addCharacter(store.db, thrall, 1)
      store.close()
      copyFileSync(databasePath(dataDir), join(ro.path, 'copy.db'))
      ro.readOnly()
      const result = await cli(dataDir, 'list')
      expect(result.code).toBe(1)
      expect(result.stderr).toContain('is read-only, and the app needs to write there')
      expect(result.stderr).not.toContain('damaged')
      expect(readFileSync(databasePath(dataDir)).equals(readFileSync(join(ro.path, 'copy.db')))).toBe(true)
    } finally {
      ro.unmount()
    }
  })
})

describe('a healthy database stays healthy', () => {
  it('is still readable after all of the above', () => {
    const store = openStore(databasePath(h.dataDir))
    expect(listCharacters(store.db)).toEqual([])
    store.close()
  })
})
