import { describe, expect, it } from 'vitest'
import { lastWeekUnlockedSlots, vaultWaiting } from '../../../shared/domain/vault-waiting.ts'

describe('is last week\'s vault still waiting?', () => {
  const reset = Date.parse('2026-11-24T15:00:00Z')
  const readAfterReset = reset + 3_600_000
  it.each([
    [0, false, reset - 1, readAfterReset, 'none'],
    [3, true, reset - 1, readAfterReset, 'none'],
    [3, false, reset - 1, readAfterReset, 'waiting'],
    [3, false, reset, readAfterReset, 'maybe-opened'],
    [3, false, null, readAfterReset, 'unknown'],
    // Blizzard down since before the reset: the last read cannot say whether the character came online (issue 28.8).
    [3, false, reset - 1, reset - 60_000, 'unknown'],
    [3, false, reset - 1, null, 'unknown'],
    // Nothing proven and a row nobody could check: unknown, never "none" (issue 28.7).
    [null, false, reset - 1, readAfterReset, 'unknown'],
    [null, true, reset - 1, readAfterReset, 'none'],
  ] as const)('%s slots, marked %s, last login %s read at %s → %s', (unlockedSlots, markedOpened, lastLoginAt, loginReadAt, expected) => {
    expect(vaultWaiting({ unlockedSlots, markedOpened, lastLoginAt, loginReadAt }, reset)).toBe(expected)
  })
})

describe("last week's slot count", () => {
  it.each([
    [[['complete', 0], ['complete', 0], ['complete', 0]], 0],
    [[['unknown', 0], ['unknown', 0], ['unknown', 0]], null],
    [[['complete', 0], ['partial', 0], ['complete', 0]], null],
    [[['unknown', 0], ['complete', 2], ['complete', 1]], 3],
  ] as const)('%j → %s', (rows, expected) => {
    expect(lastWeekUnlockedSlots(rows.map(([status, unlocked]) => ({ status, unlocked })))).toBe(expected)
  })
})
