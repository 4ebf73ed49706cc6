import { describe, expect, it } from 'vitest'
import { levelLabel, relativeTime, SOURCE_LABELS } from '../../../shared/domain/labels.ts'

describe('shared labels (one wording for messages, CLI, tray and window)', () => {
  it.each([
    [0, 'Heroic'],
    [1, 'Mythic 0'],
    [2, '+2'],
    [15, '+15'],
  ])('vault level %i reads "%s"', (level, label) => {
    expect(levelLabel(level)).toBe(label)
  })

  it('names every source and evidence kind', () => {
    expect(SOURCE_LABELS).toEqual({ blizzard: 'Blizzard', warcraftlogs: 'Warcraft Logs', raiderio: 'Raider.IO', snapshot: 'snapshot' })
  })

  it('says "never" for a time that never happened', () => {
    expect(relativeTime(null, 0)).toBe('never')
  })

  it.each([[30_000, 'just now'], [5 * 60_000, '5 minutes ago'], [3 * 3_600_000, '3 hours ago'], [30 * 3_600_000, '30 hours ago'], [3 * 86_400_000, '3 days ago'], [-2 * 3_600_000, 'in 2 hours']])('a time %i ms ago reads "%s"', (ago, text) => {
    expect(relativeTime(1_000_000_000_000 - ago, 1_000_000_000_000)).toBe(text)
  })
})
