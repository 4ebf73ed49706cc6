import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { bossKeyFromName, countBossesOnce, mergeKeystoneRuns } from '../../shared/domain/merge.ts'
import type { BossKill } from '../../shared/domain/types.ts'
import { addCharacter, findCharacter, getCharacter, listCharacters, removeCharacter, updateCharacterProfile } from '../../main/store/characters-repo.ts'
import { openStore, type Store } from '../../main/store/db.ts'
import { firstSnapshotOfWeek, listKeystoneRuns, listRaidKills, recordEncounterSnapshot, recordKeystoneRuns, recordRaidKills } from '../../main/store/observations-repo.ts'
import { feedCoverages, recordFeedSuccesses } from '../../main/store/feed-successes-repo.ts'
import { getSetting, setSetting } from '../../main/store/settings-repo.ts'
import { listSourceStatuses, recordSourceOutcome } from '../../main/store/sync-status-repo.ts'
import { useTempDir } from '../support/temp-dir.ts'

const statusOf = (db: Parameters<typeof listSourceStatuses>[0], id: number, source: string) => listSourceStatuses(db, id).find((s) => s.source === source)

const tempDir = useTempDir()
let store: Store
let path: string
const WEEK = Date.parse('2026-11-24T15:00:00.000Z')
/** The week window starting at `start` (evidence is found by its own time inside it). */
const weekOf = (start: number) => ({ start, end: start + 604_800_000 })
const LAST_WEEK = WEEK - 604_800_000

beforeEach(() => {
  path = join(tempDir(), 'vault.db')
  store = openStore(path)
})
afterEach(() => store.close())

const thrall = { region: 'us', realm: 'area-52', name: 'Thrall' } as const
const kill = (bossName: string, difficulty: BossKill['difficulty'], source: BossKill['source'], killedAt: number | null): BossKill => ({
  bossKey: bossKeyFromName(bossName), bossName, difficulty, source, killedAt,
})

describe('characters', () => {
  it('round-trips, identifies by lower-cased name, and is idempotent', () => {
    const { character, created } = addCharacter(store.db, thrall, 1)
    expect(created).toBe(true)
    expect(addCharacter(store.db, { ...thrall, name: 'THRALL' }, 2)).toEqual({ character, created: false })
    expect(findCharacter(store.db, { ...thrall, name: 'thrall' })?.id).toBe(character.id)
    updateCharacterProfile(store.db, character.id, { className: 'Shaman', specName: 'Enhancement', itemLevel: 310, lastLoginAt: 5 })
    addCharacter(store.db, { region: 'eu', realm: 'aggra-português', name: 'Ñøñå' }, 3)
    expect(listCharacters(store.db).map((c) => [c.name, c.className, c.realm])).toEqual([
      ['Thrall', 'Shaman', 'area-52'],
      ['Ñøñå', null, 'aggra-português'],
    ])
  })

  it('a profile without a realm name or login read keeps the ones stored; one with them replaces them', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    updateCharacterProfile(store.db, id, { className: 'Shaman', specName: 'Enhancement', itemLevel: 310, lastLoginAt: 5, realmName: 'Area 52', loginReadAt: 6 })
    // Raider.IO's answer: no login read, and no realm name.
    updateCharacterProfile(store.db, id, { className: 'Shaman', specName: 'Elemental', itemLevel: 312, lastLoginAt: 5, realmName: null })
    expect(getCharacter(store.db, id)).toMatchObject({ specName: 'Elemental', itemLevel: 312, realmName: 'Area 52', loginReadAt: 6 })
    updateCharacterProfile(store.db, id, { className: 'Shaman', specName: null, itemLevel: null, lastLoginAt: 9, realmName: 'Area-52', loginReadAt: 10 })
    expect(getCharacter(store.db, id)).toMatchObject({ specName: null, itemLevel: null, lastLoginAt: 9, realmName: 'Area-52', loginReadAt: 10 })
  })

  it('survives closing and reopening the file', () => {
    addCharacter(store.db, thrall, 1)
    store.close()
    store = openStore(path)
    expect(listCharacters(store.db).map((c) => c.name)).toEqual(['Thrall'])
  })

  it('removing a character removes its evidence and vaults, and nobody else\'s', () => {
    const a = addCharacter(store.db, thrall, 1).character
    const b = addCharacter(store.db, { ...thrall, name: 'Jaina' }, 1).character
    for (const c of [a, b]) {
      recordRaidKills(store.db, c.id, WEEK, [kill('Boss', 'heroic', 'blizzard', WEEK + 1)], WEEK + 2)
      recordSourceOutcome(store.db, c.id, 'blizzard', { at: WEEK, ok: true })
    }
    expect(removeCharacter(store.db, a.id)).toBe(true)
    expect(removeCharacter(store.db, a.id)).toBe(false)
    expect(listRaidKills(store.db, a.id, weekOf(WEEK))).toEqual([])
    expect(listSourceStatuses(store.db, a.id)).toEqual([])
    expect(listRaidKills(store.db, b.id, weekOf(WEEK))).toHaveLength(1)
  })

  it('rejects a region outside the known set at the database level', () => {
    expect(() => addCharacter(store.db, { ...thrall, region: 'xx' as 'us' }, 1)).toThrow(/CHECK constraint/)
    expect(listCharacters(store.db)).toEqual([])
  })
})

describe('evidence', () => {
  it('keeps kill evidence per week and source, refreshing the kill time instead of duplicating', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    recordRaidKills(store.db, id, WEEK, [kill('Plexus Sentinel', 'heroic', 'blizzard', WEEK + 10)], WEEK + 20)
    recordRaidKills(store.db, id, WEEK, [kill('Plexus Sentinel', 'heroic', 'blizzard', WEEK + 5)], WEEK + 30)
    recordRaidKills(store.db, id, WEEK, [kill('Plexus Sentinel', 'heroic', 'blizzard', WEEK + 50), kill('Plexus Sentinel', 'heroic', 'warcraftlogs', WEEK + 49)], WEEK + 60)
    recordRaidKills(store.db, id, LAST_WEEK, [kill('Plexus Sentinel', 'mythic', 'blizzard', LAST_WEEK + 1)], LAST_WEEK + 2)
    expect(listRaidKills(store.db, id, weekOf(WEEK))).toEqual([
      kill('Plexus Sentinel', 'heroic', 'blizzard', WEEK + 50),
      kill('Plexus Sentinel', 'heroic', 'warcraftlogs', WEEK + 49),
    ])
    expect(listRaidKills(store.db, id, weekOf(LAST_WEEK)).map((k) => k.difficulty)).toEqual(['mythic'])
  })

  it('keeps a kill a source stopped reporting (a deleted log does not erase it)', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    recordRaidKills(store.db, id, WEEK, [kill('Loom\'ithar', 'mythic', 'warcraftlogs', WEEK + 10)], WEEK + 20)
    recordRaidKills(store.db, id, WEEK, [], WEEK + 3_600_000)
    expect(countBossesOnce(listRaidKills(store.db, id, weekOf(WEEK)))).toHaveLength(1)
  })

  it('stores runs per source and week; the same run twice from one source is one row', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    const run = { dungeon: 'Floodgate', level: 12, completedAt: WEEK + 100_000, timed: null, source: 'blizzard' as const }
    recordKeystoneRuns(store.db, id, WEEK, [run, run], WEEK + 200_000)
    recordKeystoneRuns(store.db, id, WEEK, [{ ...run, timed: true, source: 'raiderio', completedAt: WEEK + 120_000 }], WEEK + 200_000)
    const stored = listKeystoneRuns(store.db, id, weekOf(WEEK))
    expect(stored).toHaveLength(2)
    expect(mergeKeystoneRuns(stored)).toEqual([{ dungeon: 'Floodgate', level: 12, completedAt: WEEK + 100_000, timed: true, sources: ['blizzard', 'raiderio'] }])
  })

  it('returns the first snapshot of the same week only, never one of an earlier week', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    const entry = { bossKey: 'boss', bossName: 'Boss', difficulty: 'heroic' as const, completedCount: 3, lastKillAt: null }
    recordEncounterSnapshot(store.db, id, LAST_WEEK, LAST_WEEK + 10, [entry])
    expect(firstSnapshotOfWeek(store.db, id, weekOf(WEEK))).toBeUndefined()
    recordEncounterSnapshot(store.db, id, WEEK, WEEK + 500, [{ ...entry, completedCount: 5 }])
    recordEncounterSnapshot(store.db, id, WEEK, WEEK + 100, [{ ...entry, completedCount: 4 }])
    expect(firstSnapshotOfWeek(store.db, id, weekOf(WEEK))).toEqual({ capturedAt: WEEK + 100, entries: [{ ...entry, completedCount: 4 }] })
  })
})

describe('sync status and settings', () => {
  it('keeps the last success when a later attempt fails, and clears the error on the next success', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    recordSourceOutcome(store.db, id, 'raiderio', { at: 100, ok: true })
    recordSourceOutcome(store.db, id, 'raiderio', { at: 200, ok: false, error: { code: 'TIMEOUT', message: 'Raider.IO did not answer within 10 s.' } })
    expect(statusOf(store.db, id, 'raiderio')).toEqual({ source: 'raiderio', lastAttemptAt: 200, lastSuccessAt: 100, lastError: { code: 'TIMEOUT', message: 'Raider.IO did not answer within 10 s.' }, failingSince: 200 })
    // A second failure keeps the time the trouble started.
    recordSourceOutcome(store.db, id, 'raiderio', { at: 250, ok: false, error: { code: 'UPSTREAM_ERROR', message: 'HTTP 503' } })
    expect(statusOf(store.db, id, 'raiderio')).toMatchObject({ lastAttemptAt: 250, failingSince: 200, lastError: { message: 'HTTP 503' } })
    recordSourceOutcome(store.db, id, 'raiderio', { at: 300, ok: true })
    expect(statusOf(store.db, id, 'raiderio')).toMatchObject({ lastSuccessAt: 300, lastError: null, failingSince: null })
    expect(statusOf(store.db, id, 'blizzard')).toBeUndefined()
  })

  it("says per feed when it last succeeded inside a week and first after it, however long the history", () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    const hour = 3_600_000
    // Five weeks of hourly Raider.IO reads; Warcraft Logs only before the week; Blizzard's encounters once, after it.
    for (let at = WEEK - 4 * 604_800_000; at < WEEK + 604_800_000 + 5 * hour; at += hour) recordFeedSuccesses(store.db, id, ['raiderio.runs'], at)
    recordFeedSuccesses(store.db, id, ['warcraftlogs.kills'], WEEK - hour)
    recordFeedSuccesses(store.db, id, ['blizzard.encounters'], WEEK + 604_800_000 + 2 * hour)
    const coverage = feedCoverages(store.db, id, weekOf(WEEK))
    expect(Object.fromEntries(coverage)).toEqual({
      'raiderio.runs': { lastInWeek: WEEK + 604_800_000 - hour, firstAfterWeek: WEEK + 604_800_000 },
      'blizzard.encounters': { lastInWeek: null, firstAfterWeek: WEEK + 604_800_000 + 2 * hour },
    })
    // Successes older than the history kept (35 days before the latest) are forgotten at the next record.
    const oldest = WEEK - 4 * 604_800_000
    expect(feedCoverages(store.db, id, { start: oldest, end: oldest + 4 * hour }).get('raiderio.runs')).toEqual({ lastInWeek: null, firstAfterWeek: oldest + 4 * hour })
    expect(feedCoverages(store.db, id, { start: oldest, end: oldest + 5 * hour }).get('raiderio.runs')?.lastInWeek).toBe(oldest + 4 * hour)
  })

  it('reads settings through their schema, falling back on absent or invalid values', () => {
    const schema = z.object({ notifications: z.boolean() })
    expect(getSetting(store.db, 'ui', schema, { notifications: true })).toEqual({ notifications: true })
    setSetting(store.db, 'ui', { notifications: false }, 1)
    expect(getSetting(store.db, 'ui', schema, { notifications: true })).toEqual({ notifications: false })
    setSetting(store.db, 'ui', { notifications: 'maybe' }, 2)
    expect(getSetting(store.db, 'ui', schema, { notifications: true })).toEqual({ notifications: true })
  })
})

describe('transactions', () => {
  it('a failed write rolls back everything of that write', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    const bad = { ...kill('Boss C', 'heroic', 'blizzard', WEEK + 3), difficulty: 'ultra' as 'heroic' }
    expect(() =>
      store.transaction((tx) => {
        recordSourceOutcome(tx, id, 'blizzard', { at: WEEK, ok: true })
        recordRaidKills(tx, id, WEEK, [kill('Boss A', 'heroic', 'blizzard', WEEK + 1), kill('Boss B', 'normal', 'blizzard', WEEK + 2), bad], WEEK + 4)
      }),
    ).toThrow(/CHECK constraint/)
    expect(listRaidKills(store.db, id, weekOf(WEEK))).toEqual([])
    expect(listSourceStatuses(store.db, id)).toEqual([])
  })

  it('an exception thrown by the caller mid-transaction also leaves nothing behind', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    expect(() =>
      store.transaction((tx) => {
        recordKeystoneRuns(tx, id, WEEK, [{ dungeon: 'Floodgate', level: 9, completedAt: WEEK + 1, timed: true, source: 'raiderio' }], WEEK + 2)
        throw new Error('the network dropped while parsing the next source')
      }),
    ).toThrow('network dropped')
    expect(listKeystoneRuns(store.db, id, weekOf(WEEK))).toEqual([])
  })

  it('a successful transaction keeps all of its writes', () => {
    const { id } = addCharacter(store.db, thrall, 1).character
    store.transaction((tx) => {
      recordRaidKills(tx, id, WEEK, [kill('Boss A', 'heroic', 'blizzard', WEEK + 1)], WEEK + 2)
      recordSourceOutcome(tx, id, 'blizzard', { at: WEEK + 2, ok: true })
    })
    expect(listRaidKills(store.db, id, weekOf(WEEK))).toHaveLength(1)
    expect(listSourceStatuses(store.db, id)).toHaveLength(1)
  })
})
