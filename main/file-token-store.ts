import { fs } from './fs.ts'
import { join } from 'node:path'
import type { TokenStore } from './ports.ts'
import { createTokenCache, parseStoredTokens } from './token-cache.ts'

/**
 * OAuth access tokens in `tokens.json` next to the database, readable by its owner only (0600), so a
 * CLI run with a known token skips the token round trip. A missing, unreadable or damaged file only
 * means fetching a token again; a failed write is ignored the same way.
 */
export function createFileTokenStore(dataDir: string, now: () => number = Date.now): TokenStore {
  const path = join(dataDir, 'tokens.json')
  return createTokenCache(
    {
      read: () => {
        try {
          return parseStoredTokens(fs.readFileSync(path, 'utf8'))
        } catch {
          return {}
        }
      },
      write: (tokens) => {
        try {
          // Written whole and renamed into place, owner-only from the first byte.
          const temporary = `${path}.${process.pid}.tmp`
          fs.writeFileSync(temporary, JSON.stringify(tokens), { mode: 0o600 })
          fs.chmodSync(temporary, 0o600)
          fs.renameSync(temporary, path)
        } catch {
          // Only a cache: the next run fetches a token again.
        }
      },
    },
    now,
  )
}
