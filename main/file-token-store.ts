import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { fs } from './fs.ts'
import { writePrivateFile } from './private-files.ts'
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
          // Written whole under a random name and renamed into place, owner-only from the first byte.
          writePrivateFile(path, JSON.stringify(tokens), () => randomBytes(12).toString('hex'))
        } catch {
          // Only a cache: the next run fetches a token again.
        }
      },
    },
    now,
  )
}
