import { describe, expect, it } from 'vitest'
import { trackQuest } from '../../main/store/quest-checks-repo.ts'
import { SETTLE_AFTER_SEEN_MS } from '../../main/sync/blizzard-reuse.ts'
import { reportFromStore, storedSourceReports } from '../../main/sync/vault-report.ts'
import { blizzardEncounters } from '../fakes/builders.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { bosses, HOUR, RESET, thrallScenario } from '../support/scenario.ts'

// Thursday of US week 1091 = [Tue 2026-11-24 15:00Z, Tue 2026-12-01 15:00Z).
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { blizzard, raiderio, logs, sync } = thrallScenario(h)

const CHARACTER = /\/profile\/wow\/character\/area-52\/thrall/
const SUMMARY = /\/profile\/wow\/character\/area-52\/thrall$/

/** Thrall's Blizzard requests since `from`: the summary and the detail requests apart. */
function requestsSince(from: number) {
  const requests = h.apis.blizzard.server.requests.slice(from).filter((r) => CHARACTER.test(r.path))
  return { summary: requests.filter((r) => SUMMARY.test(r.path)).length, details: requests.filter((r) => !SUMMARY.test(r.path)).length }
}

const mark = () => h.apis.blizzard.server.requests.length
const key = 'us/area-52/thrall'

/** Thrall's profile with this login time (the recorded fixture's is from 2020: long settled). */
function withLogin(loginAt: number) {
  const data = h.apis.blizzard.character('us', 'area-52', 'thrall')!
  h.apis.blizzard.characters.set(key, { ...data, profile: { ...(data.profile as object), last_login_timestamp: loginAt } })
}

describe('Blizzard details are read again only when the character logged in since (issue 31)', () => {
  it('the same login as the last complete read this week: only the summary is asked, the vault stays, and the source says since when', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    const first = await sync()
    expect(first.sources.blizzard.unchangedSince).toBeUndefined()
    const readAt = first.syncedAt

    // A kill the details would show, with no new login: only possible if a read were made, so it proves none was.
    const data = h.apis.blizzard.character('us', 'area-52', 'thrall')!
    h.apis.blizzard.characters.set(key, { ...data, encounters: blizzardEncounters([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR, instance: 'The Dreamrift' }]) })
    h.clock.now += HOUR
    const from = mark()
    const second = await sync()
    expect(requestsSince(from)).toEqual({ summary: 1, details: 0 })
    expect(bosses(second)).toEqual(bosses(first))
    expect(second.trust.raid.status).toBe('complete')
    expect(second.sources.blizzard).toMatchObject({ status: 'ok', syncedAt: h.clock.now, unchangedSince: readAt })

    // What the CLI and the window read back says the same.
    const core = h.core()
    expect(storedSourceReports(core.store.db, second.character.id, core.config).blizzard).toMatchObject({ status: 'ok', unchangedSince: readAt })
    expect(reportFromStore(core.store.db, second.character, second.week, core.config, core.season, h.clock.now).sources.blizzard.unchangedSince).toBe(new Date(readAt).toISOString())
    expect(storedSourceReports(core.store.db, second.character.id, core.config).raiderio.unchangedSince).toBeNull()
  })

  it('a new login: everything is read, the new kill counts, and the source no longer says unchanged', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    await sync()
    h.clock.now += HOUR
    // The fake gives details set through setCharacter a later login, as a session would.
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR, instance: 'The Dreamrift' }])
    const from = mark()
    const second = await sync()
    expect(requestsSince(from)).toEqual({ summary: 1, details: 4 })
    expect(bosses(second)).toContainEqual(expect.stringMatching(/^Chimaerus:heroic:/))
    expect(second.sources.blizzard.unchangedSince).toBeUndefined()
    const core = h.core()
    expect(storedSourceReports(core.store.db, second.character.id, core.config).blizzard.unchangedSince).toBeNull()
  })

  it('a reset between the two reads: everything is read again (the new week needs its own baselines)', async () => {
    h.clock.now = RESET + 7 * 24 * HOUR - HOUR
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    await sync()
    h.clock.now += 2 * HOUR
    const from = mark()
    const next = await sync()
    expect(next.week.period).toBe(1092)
    expect(requestsSince(from).details).toBe(4)
    expect(next.sources.blizzard.unchangedSince).toBeUndefined()
  })

  it('a failed summary: everything is read, as before this rule', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    await sync()
    h.clock.now += HOUR
    const data = h.apis.blizzard.character('us', 'area-52', 'thrall')!
    h.apis.blizzard.characters.set(key, { ...data, encounters: blizzardEncounters([{ boss: 'Chimaerus', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR, instance: 'The Dreamrift' }]) })
    h.apis.blizzard.server.failNext(SUMMARY, { kind: 'status', status: 503 }, 10)
    const from = mark()
    const second = await sync()
    expect(requestsSince(from).details).toBe(4)
    expect(bosses(second)).toContainEqual(expect.stringMatching(/^Chimaerus:heroic:/))
    expect(second.sources.blizzard).toMatchObject({ status: 'ok' })
    expect(second.sources.blizzard.unchangedSince).toBeUndefined()
  })

  it('a login seen in the last hours is read in full at once (one round trip) until it has settled, then reused', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    withLogin(h.clock.now - HOUR)
    raiderio()
    logs([])
    await sync()
    h.clock.now += HOUR
    let from = mark()
    await sync()
    // Not settled: the summary goes with the rest, not before it.
    expect(requestsSince(from)).toEqual({ summary: 1, details: 4 })
    const summaryAt = h.apis.blizzard.server.requests.findIndex((r, i) => i >= from && SUMMARY.test(r.path))
    expect(summaryAt - from).toBeLessThan(5)

    h.clock.now += SETTLE_AFTER_SEEN_MS
    await sync()
    h.clock.now += HOUR
    from = mark()
    const settled = await sync()
    expect(requestsSince(from)).toEqual({ summary: 1, details: 0 })
    expect(settled.sources.blizzard.unchangedSince).toBeDefined()
  })

  it('a newly tracked quest is read for (the stored read did not ask for it)', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    await sync()
    trackQuest(h.core().store.db, { id: 90001, name: 'Weekly Cache' }, h.clock.now)
    h.clock.now += HOUR
    const from = mark()
    await sync()
    expect(requestsSince(from).details).toBe(4)
    // And from then on the new scope is reused.
    h.clock.now += HOUR
    const again = mark()
    await sync()
    expect(requestsSince(again)).toEqual({ summary: 1, details: 0 })
  })

  it('a read that failed in part is never reused: the next sync reads everything', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }])
    raiderio()
    logs([])
    h.apis.blizzard.server.failNext(/\/mythic-keystone-profile$/, { kind: 'status', status: 503 }, 10)
    const first = await sync()
    expect(first.sources.blizzard.status).toBe('error')
    h.apis.blizzard.server.clearFaults()
    h.clock.now += HOUR
    const from = mark()
    await sync()
    expect(requestsSince(from).details).toBe(4)
  })
})
