import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { StoredToken, TokenStore } from './ports.ts'

const fileSchema = z.record(z.string(), z.object({ token: z.string(), expiresAt: z.number() }))

/**
 * OAuth access tokens in `tokens.json` next to the database, readable by its owner only (0600), so a
 * CLI run with a known token skips the token round trip. A missing, unreadable or damaged file only
 * means fetching a token again; a failed write is ignored the same way. Expired tokens are dropped.
 */
export function createFileTokenStore(dataDir: string, now: () => number = Date.now): TokenStore {
  const path = join(dataDir, 'tokens.json')
  const read = (): Record<string, StoredToken> => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }
  return {
    get: (key) => {
      const token = read()[key]
      return token && token.expiresAt > now() ? token : undefined
    },
    set: (key, token) => {
      const tokens = Object.fromEntries(Object.entries(read()).filter(([k, t]) => k !== key && t.expiresAt > now()))
      if (token) tokens[key] = token
      try {
        // Written whole and renamed into place, owner-only from the first byte.
        const temporary = `${path}.${process.pid}.tmp`
        writeFileSync(temporary, JSON.stringify(tokens), { mode: 0o600 })
        chmodSync(temporary, 0o600)
        renameSync(temporary, path)
      } catch {
        // Only a cache: the next run fetches a token again.
      }
    },
  }
}
