import { describe, expect, it } from 'vitest'
import { digestLines, weekDigest } from '../../../shared/domain/digest.ts'
import { overviewOf, WEEK_1091 } from '../../support/overview.ts'

const NOW = WEEK_1091.start + 5 * 24 * 3_600_000 + 20 * 3_600_000
const UNKNOWN = { status: 'unknown' as const, reasons: ['Raider.IO did not answer (since Nov 25 10:00 UTC)'] }

describe('the week\'s digest', () => {
  it('lists each region present with its next reset', () => {
    const eu = overviewOf(2, 'Jaina', {}, { region: 'eu', week: { period: 1091, start: Date.parse('2026-11-25T04:00:00Z'), end: Date.parse('2026-12-02T04:00:00Z') } })
    const d = weekDigest([overviewOf(1, 'Thrall'), eu])
    expect(d.regions).toEqual([
      { region: 'us', resetAt: '2026-12-01T15:00:00.000Z' },
      { region: 'eu', resetAt: '2026-12-02T04:00:00.000Z' },
    ])
    expect(digestLines(d, NOW)[0]).toBe('Reset: US in 1 d 4 h (Dec 1 15:00 UTC) · EU in 1 d 17 h (Dec 2 04:00 UTC)')
  })

  it('a vault waits when last week unlocked slots and it is not marked opened; how sure comes from the last login', () => {
    const d = weekDigest([
      overviewOf(1, 'Sure', {}, { lastWeek: { unlockedSlots: 3, opened: false, waiting: 'waiting' } }),
      overviewOf(2, 'Maybe', {}, { lastWeek: { unlockedSlots: 1, opened: false, waiting: 'maybe-opened' } }),
      overviewOf(3, 'Unread', {}, { lastWeek: { unlockedSlots: 2, opened: false, waiting: 'unknown' } }),
      overviewOf(4, 'Opened', {}, { lastWeek: { unlockedSlots: 3, opened: true, waiting: 'waiting' } }),
      overviewOf(5, 'Empty', {}, { lastWeek: { unlockedSlots: 0, opened: false, waiting: 'none' } }),
      // Last week nobody could check: not claimed as waiting (nor as empty).
      overviewOf(6, 'Unchecked', {}, { lastWeek: { unlockedSlots: null, opened: false, waiting: 'unknown' } }),
    ])
    expect(d.waiting.map((w) => [w.name, w.slots, w.waiting])).toEqual([
      ['Sure', 3, 'waiting'],
      ['Maybe', 1, 'maybe-opened'],
      ['Unread', 2, 'unknown'],
    ])
    expect(digestLines(d, NOW)).toContain('  Maybe (US, Area 52): 1 slot, logged in since the reset: maybe opened')
  })

  it("the game's own word is said as the game's, not as an estimate; the game saying nothing waits lists nobody", () => {
    const savedAt = Date.parse('2026-11-30T21:14:00Z')
    const d = weekDigest([
      overviewOf(1, 'Said', {}, { lastWeek: { unlockedSlots: 2, opened: false, waiting: 'waiting', waitingFrom: { addon: 'AlterEgo', savedAt } } }),
      overviewOf(2, 'Took', {}, { lastWeek: { unlockedSlots: 2, opened: false, waiting: 'opened', waitingFrom: { addon: 'WoWthing', savedAt } } }),
    ])
    expect(d.waiting).toEqual([expect.objectContaining({ name: 'Said', waiting: 'waiting', waitingFrom: { addon: 'AlterEgo', savedAt: '2026-11-30T21:14:00.000Z' } })])
    expect(digestLines(d, NOW)).toContain('  Said (US, Area 52): 2 slots, the game says so (AlterEgo)')
  })

  it('one step: a row whose cheapest step is one boss, run or activity away, with what it gains', () => {
    const d = weekDigest([overviewOf(1, 'Thrall', { bosses: ['heroic', 'heroic', 'heroic'], keys: [10, 10, 10], tiers: [] })])
    expect(d.oneStep).toEqual([
      expect.objectContaining({ name: 'Thrall', row: 'raid', kind: 'unlock', slot: 2, step: '1 more boss (any difficulty) unlocks slot 2' }),
      expect.objectContaining({ name: 'Thrall', row: 'dungeons', kind: 'unlock', slot: 2, step: '1 more dungeon unlocks slot 2' }),
    ])
    // World needs two activities for its first slot: not one step.
    expect(d.oneStep.some((s) => s.row === 'world')).toBe(false)
  })

  it('a row nobody could check: listed as unknown with why, gives no step, and never counts as finished or as nothing done', () => {
    const allDone = { bosses: Array(6).fill('mythic'), keys: Array(8).fill(10), tiers: Array(8).fill(8) }
    const d = weekDigest([
      overviewOf(1, 'Done', allDone),
      overviewOf(2, 'Idle'),
      overviewOf(3, 'Blind', { bosses: ['heroic'] }, { trust: { raid: { status: 'complete', reasons: [] }, dungeons: UNKNOWN, world: { status: 'complete', reasons: [] } } }),
      overviewOf(4, 'BlindIdle', {}, { trust: { raid: UNKNOWN, dungeons: UNKNOWN, world: UNKNOWN } }),
    ])
    expect(d.finished.map((c) => c.name)).toEqual(['Done'])
    expect(d.nothingYet.map((c) => c.name)).toEqual(['Idle'])
    expect(d.unknown.map((u) => [u.name, u.rows.map((r) => r.row)])).toEqual([
      ['Blind', ['dungeons']],
      ['BlindIdle', ['raid', 'dungeons', 'world']],
    ])
    expect(d.unknown[0]?.rows[0]?.why).toBe(UNKNOWN.reasons[0])
    // Blind's raid (known) still says its one step; its unknown dungeons give none.
    expect(d.oneStep.filter((s) => s.name === 'Blind').map((s) => s.row)).toEqual(['raid'])
    expect(d.oneStep.some((s) => s.name === 'BlindIdle')).toBe(false)
  })

  it('says so when there is nothing to tell, and when nobody is tracked', () => {
    // Two heroic bosses and no runs or activities: raid slot 2 is two bosses away, dungeon slot 1 one run.
    const busy = weekDigest([overviewOf(1, 'Busy', { bosses: ['heroic', 'heroic'], keys: [], tiers: [2, 2] }, { trust: { raid: { status: 'complete', reasons: [] }, dungeons: { status: 'complete', reasons: [] }, world: { status: 'complete', reasons: [] } } })])
    expect(busy.oneStep.map((s) => s.row)).toEqual(['dungeons'])
    expect(digestLines(busy, NOW)).not.toContain('Nothing to tell: no vault waiting, nobody one step from a slot.')
    // Under way everywhere, nothing one step off and nothing waiting: said in so many words.
    const underWay = weekDigest([overviewOf(1, 'Steady', { bosses: ['mythic', 'mythic', 'mythic', 'mythic'], keys: [10, 10], tiers: [8, 8] })])
    expect(underWay).toMatchObject({ waiting: [], oneStep: [], unknown: [], finished: [], nothingYet: [] })
    expect(digestLines(underWay, NOW).at(-1)).toBe('Nothing to tell: no vault waiting, nobody one step from a slot.')
    expect(digestLines(weekDigest([]), NOW)).toEqual(['No characters tracked (or none matches).'])
  })
})
