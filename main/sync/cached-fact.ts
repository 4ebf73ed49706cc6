import * as z from 'zod/mini'
import type { Db } from '../store/db.ts'
import { getSetting, setSetting } from '../store/settings-repo.ts'

/**
 * The two pieces every season fact is built from: a settings row kept in memory, and a refresher
 * that fetches a fresh value when the stored one is stale, shares one request among concurrent
 * callers and backs off after a failure.
 */

/**
 * A settings row kept in memory once read: syncs ask for season facts several times per character,
 * and re-reading and re-validating the stored JSON each time was wasted work. `fallbackKey` is read
 * while `key` has never been written (a cache kept under an older name).
 */
export function cachedSetting<T extends { fetchedAt: number }>(db: Db, key: string, schema: z.ZodMiniType<T>, now: () => number, fallbackKey?: string) {
  let loaded = false
  let cached: T | null = null
  return {
    value(): T | null {
      if (!loaded) {
        cached = getSetting(db, key, z.nullable(schema), null) ?? (fallbackKey ? getSetting(db, fallbackKey, z.nullable(schema), null) : null)
        loaded = true
      }
      return cached
    },
    /** Keeps the value in memory; a failed write (database busy, disk full) only loses the copy on disk. */
    save(value: Omit<T, 'fetchedAt'>): T {
      cached = { ...value, fetchedAt: now() } as T
      loaded = true
      try {
        setSetting(db, key, cached, now())
      } catch {
        // Season facts are a cache: the next refresh writes them again.
      }
      return cached
    },
  }
}

export interface RefresherOptions<T, V> {
  current: () => T | null
  store: (value: V) => T
  maxAgeMs: number
  /** A value fetched before this instant is stale whatever its age (season facts after a weekly reset). */
  staleBefore?: () => number
  retryAfterFailureMs: number
  /** Absent: nothing to refresh from, the stored value stays. */
  fetch: (() => Promise<V>) | undefined
  now: () => number
}

/**
 * Returns the cached value while it is younger than `maxAgeMs`, else fetches a fresh one (one request
 * shared by concurrent callers). On failure the stale value is kept, and no new request is made for
 * `retryAfterFailureMs`: while Raider.IO is down, syncing twelve characters must not ask twelve times.
 * Old periods and rosters are still right for their own weeks, and the computed reset rule covers the rest.
 */
export function refresher<T extends { fetchedAt: number }, V>({ current, store, maxAgeMs, staleBefore, retryAfterFailureMs, fetch, now }: RefresherOptions<T, V>): () => Promise<T | null> {
  let inFlight: Promise<T | null> | undefined
  let failedAt: number | undefined
  return () => {
    const cached = current()
    const fresh = cached !== null && now() - cached.fetchedAt < maxAgeMs && (!staleBefore || cached.fetchedAt >= staleBefore())
    if (!fetch || fresh) return Promise.resolve(cached)
    if (failedAt !== undefined && now() - failedAt < retryAfterFailureMs) return Promise.resolve(cached)
    inFlight ??= fetch()
      .then(
        (value) => {
          failedAt = undefined
          return store(value)
        },
        () => {
          failedAt = now()
          return cached
        },
      )
      .catch(() => cached)
      .finally(() => (inFlight = undefined))
    return inFlight
  }
}
