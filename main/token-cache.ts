import { z } from 'zod'
import type { StoredToken, TokenStore } from './ports.ts'

export type StoredTokens = Record<string, StoredToken>

const storedTokensSchema = z.record(z.string(), z.object({ token: z.string(), expiresAt: z.number() }))

/** Tokens from their saved JSON; damaged or foreign text reads as none (they are only a cache). */
export function parseStoredTokens(text: string): StoredTokens {
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

/**
 * The TokenStore rules shared by every place tokens are kept: an expired token is never handed out and is
 * dropped on the next write; the backing only reads and writes the whole set, and may fail quietly.
 */
export function createTokenCache(backing: { read(): StoredTokens; write(tokens: StoredTokens): void }, now: () => number = Date.now): TokenStore {
  return {
    get: (key) => {
      const token = backing.read()[key]
      return token && token.expiresAt > now() ? token : undefined
    },
    set: (key, token) => {
      const tokens = Object.fromEntries(Object.entries(backing.read()).filter(([k, t]) => k !== key && t.expiresAt > now()))
      if (token) tokens[key] = token
      backing.write(tokens)
    },
  }
}
