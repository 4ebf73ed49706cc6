import { describe, expect, it } from 'vitest'
import { vaultWaiting } from '../../../shared/domain/vault-waiting.ts'

describe('is last week\'s vault still waiting?', () => {
  const reset = Date.parse('2026-11-24T15:00:00Z')
  it.each([
    [0, false, reset - 1, 'none'],
    [3, true, reset - 1, 'none'],
    [3, false, reset - 1, 'waiting'],
    [3, false, reset, 'maybe-opened'],
    [3, false, null, 'unknown'],
  ] as const)('%i slots, marked %s, last login %s → %s', (slots, marked, login, expected) => {
    expect(vaultWaiting(slots, marked, login, reset)).toBe(expected)
  })
})
