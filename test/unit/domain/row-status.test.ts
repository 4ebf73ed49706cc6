import { describe, expect, it } from 'vitest'
import { dungeonRowTrust, raidRowTrust, type FeedFacts, type SourceState } from '../../../shared/domain/row-status.ts'
import type { SourceId } from '../../../shared/domain/types.ts'

const START = Date.parse('2026-11-24T15:00:00.000Z')
const END = START + 7 * 24 * 3_600_000
const HOUR = 3_600_000
const week = { start: START, end: END }
const DURING = START + 50 * HOUR

const working: SourceState = { kind: 'working' }
const feed = (source: SourceId, lastInWeek: number | null, state: SourceState = working, firstAfterWeek: number | null = null): FeedFacts => ({ source, state, lastInWeek, firstAfterWeek })

describe('raid row trust', () => {
  it('is complete when Blizzard answered during the week', () => {
    expect(raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', START + HOUR), warcraftlogs: feed('warcraftlogs', null), loggedKillTimes: [], roster: 'known' })).toEqual({ status: 'complete', reasons: [] })
  })

  it('is unknown, never zero, with no credentials at all (the default first run)', () => {
    const trust = raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', null, { kind: 'not_configured' }), warcraftlogs: feed('warcraftlogs', null, { kind: 'not_configured' }), loggedKillTimes: [], roster: 'known' })
    expect(trust).toEqual({ status: 'unknown', reasons: ['Blizzard is not configured.', 'Warcraft Logs is not configured.'] })
  })

  it('is unknown while Blizzard fails and nothing else answered, saying since when', () => {
    const failing: SourceState = { kind: 'failing', message: 'Blizzard had a server problem (HTTP 503). The next sync will try again.', since: Date.parse('2026-11-26T14:02:00Z') }
    const trust = raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', null, failing), warcraftlogs: feed('warcraftlogs', null, { kind: 'not_configured' }), loggedKillTimes: [], roster: 'known' })
    expect(trust.status).toBe('unknown')
    expect(trust.reasons[0]).toBe('Blizzard failed: Blizzard had a server problem (HTTP 503). The next sync will try again (since Nov 26 14:02 UTC).')
  })

  it('is partial when only Warcraft Logs answered: unlogged kills are missing', () => {
    const trust = raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', null, { kind: 'not_configured' }), warcraftlogs: feed('warcraftlogs', START + HOUR), loggedKillTimes: [START + 2 * HOUR], roster: 'known' })
    expect(trust.status).toBe('partial')
    expect(trust.reasons[0]).toMatch(/^Only Warcraft Logs answered during this week: kills that were not logged are missing\. Blizzard is not configured\.$/)
  })

  it('is partial when a logged kill came after Blizzard\'s last answer in the week', () => {
    const trust = raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', START + HOUR), warcraftlogs: feed('warcraftlogs', START + 30 * HOUR), loggedKillTimes: [START + 20 * HOUR], roster: 'known' })
    expect(trust.status).toBe('partial')
    expect(trust.reasons[0]).toContain('Blizzard last answered at Nov 24 16:00 UTC, before a kill logged at Nov 25 11:00 UTC')
  })

  it('last week read only afterwards is partial (timestamps can be overwritten), not exact', () => {
    const trust = raidRowTrust({ week, now: END + HOUR, blizzard: feed('blizzard', null, working, END + HOUR), warcraftlogs: feed('warcraftlogs', null), loggedKillTimes: [], roster: 'known' })
    expect(trust.status).toBe('partial')
    expect(trust.reasons[0]).toMatch(/^Not synced during that week/)
  })

  it('an unknown roster makes a complete row partial, with the reason', () => {
    const trust = raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', START + HOUR), warcraftlogs: feed('warcraftlogs', null), loggedKillTimes: [], roster: 'unknown' })
    expect(trust.status).toBe('partial')
    expect(trust.reasons.at(-1)).toBe("The list of this week's raids is unknown (Raider.IO has not given one for this week), so kills of every raid were counted.")
  })

  it('between seasons the row says no raid counts, and does not blame Raider.IO (issue 28.10)', () => {
    const trust = raidRowTrust({ week, now: DURING, blizzard: feed('blizzard', START + HOUR), warcraftlogs: feed('warcraftlogs', null), loggedKillTimes: [], roster: 'no-season' })
    expect(trust).toEqual({ status: 'complete', reasons: ["No season runs this week, so no raid counts toward the vault: kills of last season's raids are not counted."] })
  })

  it('a past week nobody read says so instead of "since the reset"', () => {
    const trust = raidRowTrust({ week, now: END + 10 * 24 * HOUR, blizzard: feed('blizzard', null), warcraftlogs: feed('warcraftlogs', null), loggedKillTimes: [], roster: 'known' })
    expect(trust).toEqual({ status: 'unknown', reasons: ['Blizzard was not read during that week.', 'Warcraft Logs was not read during that week.'] })
  })
})

describe('dungeon row trust', () => {
  it('is complete when Raider.IO answered during the week, or within the next week (its previous-week list)', () => {
    expect(dungeonRowTrust({ week, now: DURING, raiderio: feed('raiderio', START + HOUR), blizzardKeystone: feed('blizzard', null) }).status).toBe('complete')
    expect(dungeonRowTrust({ week, now: END + HOUR, raiderio: feed('raiderio', null, working, END + HOUR), blizzardKeystone: feed('blizzard', null) }).status).toBe('complete')
    expect(dungeonRowTrust({ week, now: END + 8 * 24 * HOUR, raiderio: feed('raiderio', null, working, END + 8 * 24 * HOUR), blizzardKeystone: feed('blizzard', null) }).status).toBe('unknown')
  })

  it('is partial when only Blizzard\'s keystone profile answered (best runs only)', () => {
    const down: SourceState = { kind: 'failing', message: 'Raider.IO had a server problem (HTTP 503).', since: null }
    const trust = dungeonRowTrust({ week, now: DURING, raiderio: feed('raiderio', null, down), blizzardKeystone: feed('blizzard', START + HOUR) })
    expect(trust.status).toBe('partial')
    expect(trust.reasons[0]).toContain("Only Blizzard's Mythic+ profile answered")
    expect(trust.reasons[0]).toContain('Raider.IO failed: Raider.IO had a server problem (HTTP 503)')
  })

  it('is unknown when neither answered', () => {
    expect(dungeonRowTrust({ week, now: DURING, raiderio: feed('raiderio', null), blizzardKeystone: feed('blizzard', null, { kind: 'not_configured' }) })).toEqual({
      status: 'unknown',
      reasons: ['Raider.IO has not answered since the reset.', 'Blizzard is not configured.'],
    })
  })
})
