import { describe, expect, it } from 'vitest'
import { crestCap, crestsView, crestText } from '../../../shared/domain/crests.ts'
import { matchesTeamFilter } from '../../../shared/domain/team-table.ts'
import { checkTrackedQuest, questStatus } from '../../../shared/domain/weekly-quests.ts'

const WEEK_START = 1_000_000
const cap = { perWeek: 100, fromPeriod: 1076, confirmed: false }

describe('crests', () => {
  it('the cap rises by its weekly step from its first week, and there is none before it', () => {
    expect([crestCap(cap, 1075), crestCap(cap, 1076), crestCap(cap, 1091), crestCap(null, 1091)]).toEqual([null, 100, 1600, null])
  })

  it('12.1.5 lifted the cap the week of Oct 20 (period 1086): none from then on, and the view says it was lifted, not unknown (issue 28)', () => {
    const lifted = { ...cap, liftedFromPeriod: 1086 }
    expect([crestCap(lifted, 1085), crestCap(lifted, 1086), crestCap(lifted, 1091)]).toEqual([1000, null, null])
    const reading = { statisticId: 1, weekStart: WEEK_START, name: null, firstQuantity: 900, firstUpdatedAt: WEEK_START - 1, latestQuantity: 960, latestAt: WEEK_START + 2 }
    const kind = (period: number) => crestsView([{ name: 'Hero', statisticId: 1, cap: lifted }], undefined, [reading], { period, start: WEEK_START }).kinds[0]!
    expect(kind(1085)).toMatchObject({ cap: 1000, capLifted: false })
    expect(kind(1091)).toMatchObject({ cap: null, capLifted: true })
    expect(crestText(kind(1091))).toBe('960 (+60 this week, no cap)')
    expect(crestText(kind(1085))).toBe('960 (+60 this week, cap ≈1000)')
  })

  it('a season without crest statistics shows no figures at all (unknown), not zeros', () => {
    expect(crestsView(undefined, undefined, [], { period: 1091, start: WEEK_START })).toEqual({ known: false, kinds: [], note: null })
  })

  it('a gain never goes below zero (a counter Blizzard lowered is not a negative week)', () => {
    const reading = { statisticId: 1, weekStart: WEEK_START, name: null, firstQuantity: 50, firstUpdatedAt: WEEK_START - 1, latestQuantity: 40, latestAt: WEEK_START + 2 }
    const view = crestsView([{ name: 'Hero', statisticId: 1, cap }], undefined, [reading], { period: 1091, start: WEEK_START })
    expect(view.kinds[0]).toMatchObject({ total: 40, weekGain: 0, weekGainExact: true })
  })

  it("the total is the newest read of any week, the gain only this week's, and Blizzard's name comes from the newest read", () => {
    const lastWeek = { statisticId: 1, weekStart: WEEK_START - 7, name: 'Old name', firstQuantity: 10, firstUpdatedAt: null, latestQuantity: 90, latestAt: WEEK_START - 1 }
    const view = crestsView([{ name: 'Hero', statisticId: 1, cap }], undefined, [lastWeek], { period: 1091, start: WEEK_START })
    expect(view.kinds[0]).toMatchObject({ total: 90, weekGain: null, readAt: WEEK_START - 1, statisticName: 'Old name' })
    const thisWeek = { ...lastWeek, weekStart: WEEK_START, name: 'Hero Mistcrests', firstQuantity: 90, latestQuantity: 120, latestAt: WEEK_START + 5 }
    expect(crestsView([{ name: 'Hero', statisticId: 1, cap }], undefined, [thisWeek, lastWeek], { period: 1091, start: WEEK_START }).kinds[0]).toMatchObject({ total: 120, weekGain: 30, statisticName: 'Hero Mistcrests' })
  })

  it('says an estimated cap and a lower-bound gain as such', () => {
    expect(crestText({ total: 230, weekGain: 30, weekGainExact: false, cap: 1600, capConfirmed: false, capLifted: false })).toBe('230 (≥ +30 this week, cap ≈1600)')
    expect(crestText({ total: 230, weekGain: null, weekGainExact: false, cap: 1600, capConfirmed: true, capLifted: false })).toBe('230 (cap 1600)')
    expect(crestText({ total: null, weekGain: null, weekGainExact: false, cap: 1600, capConfirmed: true, capLifted: false })).toBe('?')
  })
})

describe('tracked quests', () => {
  const quest = { id: 7, name: 'Cache' }
  const check = (present: boolean, loginAt: number | null, appearedAt: number | null = null) => ({ questId: 7, present, seenMissing: appearedAt !== null, appearedAt, checkedAt: WEEK_START + 10, loginAt })

  it('judges a quest in the list by the login that list belongs to against the reset, never by its presence alone', () => {
    expect(questStatus(quest, undefined, WEEK_START).state).toBe('unknown')
    expect(questStatus(quest, check(true, WEEK_START + 5), WEEK_START).state).toBe('done')
    expect(questStatus(quest, check(true, WEEK_START - 5), WEEK_START).state).toBe('not-done')
    expect(questStatus(quest, check(true, null), WEEK_START).state).toBe('unknown')
    expect(questStatus(quest, check(false, WEEK_START + 5), WEEK_START).state).toBe('not-done')
    expect(questStatus(quest, check(true, WEEK_START - 5, WEEK_START + 9), WEEK_START).state).toBe('done')
  })

  it('checks what the player types', () => {
    expect(checkTrackedQuest(93890, '  Unity  ')).toEqual({ ok: true, quest: { id: 93890, name: 'Unity' } })
    for (const [id, name] of [[0, 'x'], [1.5, 'x'], [20_000_000, 'x'], [5, '   '], [5, 'a\u0007b'], [5, 'a\u202eb'], [5, 'a\u200fb'], [5, 'x'.repeat(61)]] as const) expect(checkTrackedQuest(id, name).ok).toBe(false)
  })
})

describe('team filter', () => {
  const c = { region: 'eu' as const, realm: 'aggra-portugues', realmName: 'Aggra (Português)', guild: { name: 'Os Lusos', realm: 'aggra-portugues' } }
  it('matches region exactly and realm (slug or display name) and guild in any letter case; an empty filter matches all', () => {
    expect(matchesTeamFilter(c, {})).toBe(true)
    expect(matchesTeamFilter(c, { region: 'us' })).toBe(false)
    expect(matchesTeamFilter(c, { realm: 'AGGRA (PORTUGUÊS)' })).toBe(true)
    expect(matchesTeamFilter(c, { realm: 'aggra-portugues', guild: 'os lusos' })).toBe(true)
    expect(matchesTeamFilter(c, { guild: 'Other' })).toBe(false)
    expect(matchesTeamFilter({ ...c, guild: null }, { guild: 'Os Lusos' })).toBe(false)
    expect(matchesTeamFilter(c, { realm: '  ', guild: '' })).toBe(true)
  })
})
