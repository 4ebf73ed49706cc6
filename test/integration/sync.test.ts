import { describe, expect, it } from 'vitest'
import { removeCharacter } from '../../main/store/characters-repo.ts'
import { StoreError } from '../../main/store/store-error.ts'
import { storedWeekVaults } from '../../main/sync/vault-report.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { bosses, HOUR, RESET, thrall, thrallScenario } from '../support/scenario.ts'

// Thursday of US week 1091 = [Tue 2026-11-24 15:00Z, Tue 2026-12-01 15:00Z).
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { blizzard, raiderio, logs, run, sync } = thrallScenario(h)

describe('syncCharacter', () => {
  it('first sync mid-week: fills both rows from all three sources and stores the vault', async () => {
    blizzard([
      { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 3, lastKill: RESET + 5 * HOUR },
      { boss: 'Vorasius', difficulty: 'HEROIC', count: 2, lastKill: RESET + 6 * HOUR },
      { boss: 'Chimaerus', difficulty: 'NORMAL', count: 1, lastKill: RESET + 30 * HOUR, instance: 'The Dreamrift' },
    ])
    raiderio([run('Murder Row', 12, RESET + 2 * HOUR), run('Altar of Fangs', 10, RESET + 3 * HOUR, 0), run('Voidscar Arena', 7, RESET + 4 * HOUR), run('Den of Nalorakk', 2, RESET + 5 * HOUR)])
    logs([])
    const result = await sync()
    expect(result.week).toMatchObject({ period: 1091, start: RESET, origin: 'computed' })
    expect(bosses(result)).toEqual(['Imperator Averzian:heroic:blizzard', 'Vorasius:heroic:blizzard', 'Chimaerus:normal:blizzard'])
    // Season 2: the raid vault pays one track above the drop, so a Heroic slot is 318 (Myth 1).
    expect(result.vault.raid.slots).toEqual([
      { threshold: 2, progress: 2, unlocked: true, difficulty: 'heroic', itemLevel: 318, reward: { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] }, game: null },
      { threshold: 4, progress: 3, unlocked: false, difficulty: null, itemLevel: null, reward: null, game: null },
      { threshold: 6, progress: 3, unlocked: false, difficulty: null, itemLevel: null, reward: null, game: null },
    ])
    expect(result.trust.raid).toEqual({ status: 'complete', reasons: [] })
    expect(result.trust.dungeons).toEqual({ status: 'complete', reasons: [] })
    expect(result.trust.world.status).toBe('complete')
    expect(result.vault.dungeons.slots.map((s) => [s.unlocked, s.level, s.itemLevel])).toEqual([[true, 12, 318], [true, 2, 305], [false, null, null]])
    expect(result.vault.dungeons.runs.find((r) => r.dungeon === 'Altar of Fangs')).toMatchObject({ level: 10, timed: false, sources: ['raiderio'] })
    expect(Object.fromEntries(Object.entries(result.sources).map(([s, r]) => [s, r.status]))).toEqual({ blizzard: 'ok', warcraftlogs: 'ok', raiderio: 'ok' })
    // Read back from the store alone (as `vault` and the window do), the week is the one the sync returned.
    const core = h.core()
    expect(storedWeekVaults(core.store.db, core.season, core.config, result.character, [result.week], h.clock.now)[0]?.vault).toEqual(result.vault)
  })

  it('kills and runs from last week do not count this week; they fill last week\'s vault instead', async () => {
    blizzard([
      { boss: 'Imperator Averzian', difficulty: 'MYTHIC', count: 5, lastKill: RESET - 1 },
      { boss: 'Vorasius', difficulty: 'MYTHIC', count: 5, lastKill: RESET - 2 * HOUR },
      { boss: 'Chimaerus', difficulty: 'HEROIC', count: 5, lastKill: RESET - 14 * 24 * HOUR },
      { boss: 'Crown of the Cosmos', difficulty: 'NORMAL', count: 1, lastKill: RESET },
    ])
    raiderio([run('Murder Row', 15, RESET - 1000)], [run('Altar of Fangs', 11, RESET - 3 * 24 * HOUR)])
    logs([{ boss: 'Vorasius', difficulty: 5, at: RESET - 10 * 60_000 }])
    const result = await sync()
    expect(bosses(result)).toEqual(['Crown of the Cosmos:normal:blizzard'])
    expect(result.vault.dungeons.runs).toEqual([])
    expect(result.previousWeek).toMatchObject({ period: 1090, end: RESET })
    expect(result.previousVault.raid.bosses.map((b) => `${b.name}:${b.sources.join('+')}`)).toEqual(['Imperator Averzian:blizzard', 'Vorasius:blizzard+warcraftlogs'])
    expect(result.previousVault.raid.slots[0]).toMatchObject({ unlocked: true, difficulty: 'mythic' })
    expect(result.previousVault.dungeons.runs.map((r) => r.dungeon).sort()).toEqual(['Altar of Fangs', 'Murder Row'])
  })

  it('a boss killed on normal and on heroic counts once, at heroic, with the sources that saw heroic', async () => {
    blizzard([
      { boss: 'Vorasius', difficulty: 'NORMAL', count: 4, lastKill: RESET + 2 * HOUR },
      { boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + 26 * HOUR },
    ])
    raiderio()
    logs([{ boss: 'Vorasius', difficulty: 3, at: RESET + 2 * HOUR }])
    const result = await sync()
    expect(bosses(result)).toEqual(['Vorasius:heroic:blizzard'])
    expect(result.vault.raid.slots[0]?.progress).toBe(1)
  })

  it('a kill only in logs counts (Blizzard has not caught up yet)', async () => {
    blizzard([{ boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([{ boss: 'Vorasius', difficulty: 5, at: RESET + 20 * HOUR }, { boss: 'Imperator Averzian', difficulty: 4, at: RESET + HOUR - 30_000 }])
    const result = await sync()
    expect(bosses(result)).toEqual(['Vorasius:mythic:warcraftlogs', 'Imperator Averzian:heroic:blizzard+warcraftlogs'])
    expect(result.vault.raid.slots[0]).toMatchObject({ unlocked: true, difficulty: 'heroic' })
  })

  it('a kill only in Blizzard counts (nobody logged it)', async () => {
    blizzard([{ boss: 'Chimaerus', difficulty: 'LFR', count: 1, lastKill: RESET + 40 * HOUR, instance: 'The Dreamrift' }])
    raiderio()
    logs([])
    expect(bosses(await sync())).toEqual(['Chimaerus:lfr:blizzard'])
  })

  it('kills of bosses outside the season\'s raids (old raids farmed for transmog) never count', async () => {
    blizzard([{ boss: 'Ragnaros', difficulty: 'NORMAL', count: 25, lastKill: RESET + HOUR, instance: 'Molten Core' }, { boss: 'Vorasius', difficulty: 'NORMAL', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([{ boss: 'Nefarian', difficulty: 3, at: RESET + 2 * HOUR }])
    expect(bosses(await sync())).toEqual(['Vorasius:normal:blizzard'])
  })

  it('a snapshot from last week is never a baseline; one from this week is', async () => {
    raiderio()
    logs([])
    // Last week: Blizzard reports the counter without a kill time (the timestamp can be missing).
    h.clock.now = RESET - 2 * 24 * HOUR
    blizzard([{ boss: 'Crown of the Cosmos', difficulty: 'HEROIC', count: 3, lastKill: null }])
    await sync()
    // This week the count is higher than last week's snapshot: not proof of a kill this week.
    h.clock.now = RESET + 24 * HOUR
    blizzard([{ boss: 'Crown of the Cosmos', difficulty: 'HEROIC', count: 4, lastKill: null }])
    expect(bosses(await sync())).toEqual([])
    // Higher than this week's first snapshot: a kill this week, proved by the count alone.
    h.clock.now = RESET + 30 * HOUR
    blizzard([{ boss: 'Crown of the Cosmos', difficulty: 'HEROIC', count: 5, lastKill: null }])
    expect(bosses(await sync())).toEqual(['Crown of the Cosmos:heroic:snapshot'])
  })

  it('drops captures of the kill counters older than five weeks, never this week\'s baseline', async () => {
    raiderio()
    logs([])
    const snapshots = () => h.core().store.sqlite.prepare('select captured_at from encounter_snapshots order by captured_at').pluck().all()
    const entries = () => h.core().store.sqlite.prepare('select count(*) from encounter_snapshot_entries').pluck().get()
    h.clock.now = RESET - 36 * 24 * HOUR
    blizzard([{ boss: 'Crown of the Cosmos', difficulty: 'HEROIC', count: 3, lastKill: null }])
    await sync()
    h.clock.now = RESET - 2 * 24 * HOUR
    await sync()
    expect(snapshots()).toEqual([RESET - 36 * 24 * HOUR, RESET - 2 * 24 * HOUR])
    h.clock.now = RESET + 24 * HOUR
    blizzard([{ boss: 'Crown of the Cosmos', difficulty: 'HEROIC', count: 4, lastKill: null }])
    await sync()
    // The capture 37 days old and its entries are gone; last week's is within the margin.
    expect(snapshots()).toEqual([RESET - 2 * 24 * HOUR, RESET + 24 * HOUR])
    expect(entries()).toBe(2)
    // This week's baseline still proves a kill by the count alone.
    h.clock.now = RESET + 30 * HOUR
    blizzard([{ boss: 'Crown of the Cosmos', difficulty: 'HEROIC', count: 5, lastKill: null }])
    expect(bosses(await sync())).toEqual(['Crown of the Cosmos:heroic:snapshot'])
    expect(snapshots()).toEqual([RESET - 2 * 24 * HOUR, RESET + 24 * HOUR])
  })

  it('a reset between two syncs starts an empty week and keeps last week\'s vault', async () => {
    raiderio([run('Murder Row', 9, RESET - 5 * HOUR)])
    logs([])
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET - 6 * HOUR }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET - 5 * HOUR, instance: 'The Dreamrift' }])
    h.clock.now = RESET - HOUR
    const before = await sync()
    expect(before.week.period).toBe(1090)
    expect(before.vault.raid.slots[0]?.unlocked).toBe(true)
    h.clock.now = RESET + HOUR
    const after = await sync()
    expect(after.week.period).toBe(1091)
    expect(after.vault.raid.bosses).toEqual([])
    expect(after.vault.dungeons.slots[0]?.unlocked).toBe(false)
    expect(after.previousVault).toEqual(before.vault)
  })

  it('one source down: its error is recorded, the others and earlier evidence are kept', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio([run('Murder Row', 11, RESET + 2 * HOUR)])
    logs([])
    await sync()
    h.clock.now += 2 * HOUR
    h.apis.raiderio.server.failNext(/profile/, { kind: 'status', status: 503 }, 10)
    const result = await sync()
    expect(result.sources.raiderio).toEqual({ status: 'error', syncedAt: Date.parse('2026-11-26T12:00:00.000Z'), error: { code: 'UPSTREAM_ERROR', message: 'Raider.IO had a server problem (HTTP 503). The next sync will try again.' } })
    expect(result.sources.blizzard.status).toBe('ok')
    expect(result.vault.dungeons.runs.map((r) => r.dungeon)).toEqual(['Murder Row'])
    expect(bosses(result)).toEqual(['Vorasius:heroic:blizzard'])
  })

  it('a source that later says less erases nothing another sync proved', async () => {
    blizzard([])
    raiderio()
    logs([{ boss: 'Vorasius', difficulty: 5, at: RESET + HOUR }])
    await sync()
    logs([]) // the log was deleted or made private
    h.clock.now += 2 * HOUR
    expect(bosses(await sync())).toEqual(['Vorasius:mythic:warcraftlogs'])
  })

  it('counts a run seen by Raider.IO and Blizzard once, with both sources', async () => {
    blizzard([], [{ dungeon: 'Murder Row', level: 14, completedAt: RESET + 10 * HOUR + 20_000 }])
    raiderio([run('Murder Row', 14, RESET + 10 * HOUR)])
    logs([])
    const result = await sync()
    expect(result.vault.dungeons.runs).toEqual([{ dungeon: 'Murder Row', level: 14, completedAt: RESET + 10 * HOUR, timed: true, sources: ['blizzard', 'raiderio'] }])
  })

  it('skips sources synced within the freshness window unless forced', async () => {
    blizzard([])
    raiderio()
    logs([])
    await sync()
    const requests = () => h.apis.blizzard.server.requests.length + h.apis.raiderio.server.requests.length + h.apis.wcl.server.requests.length
    const before = requests()
    h.clock.now += 30 * 60_000
    const fresh = await sync(false)
    expect(requests()).toBe(before)
    expect(Object.values(fresh.sources).map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped'])
    expect(fresh.sources.blizzard.syncedAt).toBe(Date.parse('2026-11-26T12:00:00.000Z'))
    await sync(true)
    expect(requests()).toBeGreaterThan(before)
  })

  it('fetches the three sources at the same time, never one after another', async () => {
    blizzard([])
    raiderio()
    logs([])
    // Each fake holds its answer until all three have been asked: sequential fetching would time out.
    let arrived = 0
    let release: () => void = () => {}
    const all = new Promise<void>((resolve) => (release = resolve))
    for (const server of [h.apis.blizzard.server, h.apis.raiderio.server, h.apis.wcl.server]) {
      server.gate = (path) => {
        if (/oauth|static-data|periods/.test(path)) return undefined
        arrived += 1
        if (arrived === 3) release()
        return all
      }
    }
    const result = await sync()
    expect(Object.values(result.sources).map((s) => s.status)).toEqual(['ok', 'ok', 'ok'])
  })

  it("sends every character's Blizzard requests before the other sources' requests of a roster syncing at once", async () => {
    // Blizzard's limiter frees a place a second after it sees the answer: its requests must not wait
    // behind the other sources' requests being built (README "Sync").
    const core = h.core()
    const roster = ['Thrall', 'Jaina', 'Rexxar', 'Garrosh', 'Sylvanas', 'Anduin'].map((name) => h.track({ region: 'us', realm: 'area-52', name }))
    const syncAll = () => Promise.all(roster.map((c) => core.sync.syncCharacter(c, { force: true })))
    await syncAll()
    const servers = { blizzard: h.apis.blizzard.server, raiderio: h.apis.raiderio.server, warcraftlogs: h.apis.wcl.server }
    const seen = Object.fromEntries(Object.entries(servers).map(([source, server]) => [source, server.requests.length]))
    await syncAll()
    const arrivals = Object.entries(servers)
      .flatMap(([source, server]) => server.requests.slice(seen[source]).map((r, i) => ({ source, path: r.path, at: server.requestTimes[(seen[source] as number) + i] as number })))
      .filter((r) => !/oauth|static-data|periods/.test(r.path))
      .sort((a, b) => a.at - b.at)
    const lastBlizzard = Math.max(...arrivals.flatMap((r, i) => (r.source === 'blizzard' ? [i] : [])))
    const others = arrivals.filter((r) => r.source !== 'blizzard')
    expect(others).toHaveLength(2 * roster.length)
    // The last characters' Raider.IO and Warcraft Logs requests come after all of Blizzard's.
    expect(arrivals.slice(lastBlizzard + 1).filter((r) => r.source !== 'blizzard').length).toBeGreaterThanOrEqual(roster.length)
  })

  it('a failed write is reported clearly and changes nothing (here: the character was removed mid-sync)', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    const character = h.track(thrall)
    removeCharacter(h.core().store.db, character.id)
    const error = await h.core().sync.syncCharacter(character, { force: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).message).toBe('The sync of Thrall was not saved: the character was removed while it synced.')
    expect(h.core().store.sqlite.prepare('select count(*) from raid_kill_observations').pluck().get()).toBe(0)
  })

  it('quitting mid-sync records nothing against the sources; running out of time does', async () => {
    blizzard([])
    raiderio()
    logs([])
    const quitting = new AbortController()
    quitting.abort(new Error('Vault Companion is quitting'))
    const cancelled = await h.core().sync.syncCharacter(h.track(thrall), { force: true, signal: quitting.signal })
    expect(Object.values(cancelled.sources).map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped'])
    const late = await h.core().sync.syncCharacter(h.track(thrall), { force: true, signal: AbortSignal.abort(new DOMException('deadline', 'TimeoutError')) })
    expect(late.sources.raiderio).toMatchObject({ status: 'error', error: { code: 'TIMEOUT' } })
  })

  it('reports an unknown character as not found', async () => {
    const result = await h.core().sync.syncCharacter(h.track({ region: 'us', realm: 'area-52', name: 'Nobodyhere' }), { force: true })
    expect(result.notFound).toBe(true)
    expect(result.sources.blizzard.error?.code).toBe('UNKNOWN_CHARACTER')
  })
})
