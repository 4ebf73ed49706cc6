import { eq } from 'drizzle-orm'
import type { CachedResponse, ResponseCache } from '../ports.ts'
import type { Db } from './db.ts'
import { responseCache } from './schema.ts'

/**
 * The ResponseCache port on SQLite. An entry whose JSON cannot be read is treated as absent, so the
 * next request is simply unconditional.
 */
export function createResponseCache(db: Db, now: () => number = Date.now): ResponseCache {
  return {
    get(key) {
      const row = db.select().from(responseCache).where(eq(responseCache.key, key)).get()
      if (!row) return undefined
      try {
        return { lastModified: row.lastModified, value: JSON.parse(row.valueJson) as unknown }
      } catch {
        return undefined
      }
    },
    set(key, entry: CachedResponse) {
      const values = { key, lastModified: entry.lastModified, valueJson: JSON.stringify(entry.value), storedAt: now() }
      db.insert(responseCache)
        .values(values)
        .onConflictDoUpdate({ target: responseCache.key, set: { lastModified: values.lastModified, valueJson: values.valueJson, storedAt: values.storedAt } })
        .run()
    },
  }
}
