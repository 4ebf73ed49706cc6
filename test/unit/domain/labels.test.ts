import { describe, expect, it } from 'vitest'
import { levelLabel, SOURCE_LABELS, timeAgo } from '../../../shared/domain/labels.ts'

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
    expect(timeAgo(null, 0)).toBe('never')
  })
})
