import { describe, expect, it } from 'vitest'
import { SHIPPED_SEASON_TABLES } from '../../shared/domain/seasons.ts'
import { activityEvidence } from '../../main/sync/activity-evidence.ts'
import type { ActivityBaseline } from '../../main/store/activity-repo.ts'

const sources = SHIPPED_SEASON_TABLES.find((s) => s.id === 'season-mn-2')!.activities!
const RESET = Date.parse('2026-11-24T15:00:00Z')
const HOUR = 3_600_000
const week = { start: RESET }
const TIER8 = 40773
const DEN_HEROIC = 61651
const DEN_MYTHIC = 61652
const NIGHTMARE = sources.prey.find((p) => p.difficulty === 'Nightmare')!.questIds
const ABUNDANCE = 89507
const stat = (id: number, quantity: number, lastUpdatedAt: number | null) => ({ id, quantity, lastUpdatedAt })
const asBaseline = (b: ReturnType<typeof activityEvidence>['baseline']): ActivityBaseline => ({ id: 1, ...b })

describe('activity evidence from statistics', () => {
  it('a first read with every counter older than the reset is a clean baseline and proves nothing', () => {
    const { observations, baseline } = activityEvidence(sources, { statistics: [stat(TIER8, 12, RESET - 2 * HOUR), stat(DEN_HEROIC, 4, RESET - 50 * HOUR)] }, undefined, week, false, RESET + 30 * HOUR)
    expect(observations).toEqual([])
    expect(baseline).toMatchObject({ cleanStatistics: true, capturedAt: RESET + 30 * HOUR })
    expect(baseline.statistics?.get(TIER8)).toBe(12)
  })

  it('a first read with a counter updated since the reset proves at least one, and says the baseline is not clean', () => {
    const { observations, baseline } = activityEvidence(sources, { statistics: [stat(TIER8, 12, RESET + 2 * HOUR)] }, undefined, week, false, RESET + 30 * HOUR)
    expect(observations).toEqual([{ kind: 'delve', name: 'Tier 8 delves', tier: 8, count: 1, source: 'blizzard', happenedAt: RESET + 2 * HOUR }])
    expect(baseline.cleanStatistics).toBe(false)
    // Delves say nothing about Heroic runs: those still count in full.
    expect(baseline.cleanDungeons).toBe(true)
  })

  it('a later read counts the rise against the baseline: three tier-8 delves and two Heroic runs', () => {
    const first = activityEvidence(sources, { statistics: [stat(TIER8, 12, RESET - HOUR), stat(DEN_HEROIC, 4, RESET - HOUR)] }, undefined, week, false, RESET + HOUR)
    const { observations } = activityEvidence(sources, { statistics: [stat(TIER8, 15, RESET + 5 * HOUR), stat(DEN_HEROIC, 6, RESET + 6 * HOUR)] }, asBaseline(first.baseline), week, false, RESET + 8 * HOUR)
    expect(observations).toEqual([
      { kind: 'delve', name: 'Tier 8 delves', tier: 8, count: 3, source: 'snapshot', happenedAt: RESET + 5 * HOUR },
      { kind: 'heroic', name: 'Den of Nalorakk', tier: 0, count: 2, source: 'snapshot', happenedAt: RESET + 6 * HOUR },
    ])
  })

  it('Mythic statistics count as Mythic 0 (one per dungeon) only in pre-season weeks: otherwise keystones move them too', () => {
    const reading = { statistics: [stat(DEN_MYTHIC, 9, RESET + HOUR)] }
    expect(activityEvidence(sources, reading, undefined, week, true, RESET + 2 * HOUR).observations).toEqual([{ kind: 'mythic0', name: 'Den of Nalorakk', tier: 1, count: 1, source: 'blizzard', happenedAt: RESET + HOUR }])
    expect(activityEvidence(sources, reading, undefined, week, false, RESET + 2 * HOUR).observations).toEqual([])
  })
})

describe('activity evidence from completed quests', () => {
  it('a weekly quest counts when it appears after a read this week that did not list it', () => {
    const first = activityEvidence(sources, { quests: [12345] }, undefined, week, false, RESET + HOUR)
    expect(first.baseline.cleanQuests).toBe(true)
    const later = activityEvidence(sources, { quests: [12345, NIGHTMARE[0]!, ABUNDANCE] }, asBaseline(first.baseline), week, false, RESET + 9 * HOUR)
    expect(later.observations).toEqual([
      { kind: 'prey', name: 'Prey (Nightmare)', tier: 8, count: 1, source: 'snapshot', happenedAt: null },
      { kind: 'world', name: 'Abundance', tier: 1, count: 1, source: 'snapshot', happenedAt: null },
    ])
  })

  it('a quest listed at the first read may be last week’s (the list refreshes at logout): not claimed, baseline not clean', () => {
    const first = activityEvidence(sources, { quests: [ABUNDANCE] }, undefined, week, false, RESET + HOUR)
    expect(first.observations).toEqual([])
    expect(first.baseline.cleanQuests).toBe(false)
    // Still listed later: still not claimed.
    expect(activityEvidence(sources, { quests: [ABUNDANCE] }, asBaseline(first.baseline), week, false, RESET + 5 * HOUR).observations).toEqual([])
    // It left the list (the character logged out after the reset) and came back: done this week.
    const gone = activityEvidence(sources, { quests: [] }, asBaseline(first.baseline), week, false, RESET + 6 * HOUR)
    const back = activityEvidence(sources, { quests: [ABUNDANCE] }, asBaseline(gone.baseline), week, false, RESET + 9 * HOUR)
    expect(back.observations).toEqual([{ kind: 'world', name: 'Abundance', tier: 1, count: 1, source: 'snapshot', happenedAt: null }])
  })
})
