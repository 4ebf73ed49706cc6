/**
 * Raider.IO's seasons and raids are kept after it stops listing them, so a past week still finds its
 * own (season-context.ts). Kept for ever, a source that renames or invents entries would grow the cache
 * on every refresh. This decides what of the stored list is still worth keeping.
 */

/** The history shows up to a year of weeks (vault-history.ts): an entry over a year ended prices none of them. */
export const KEEP_ENDED_FOR_MS = 53 * 7 * 24 * 60 * 60 * 1000
/** More entries than any real list has (an expansion has a handful of raids and seasons): the newest are kept. */
export const MAX_KEPT_ENTRIES = 40

/** An entry's known start and end instants over the regions (epoch ms; absent ones left out). */
export interface EntryDates {
  starts: readonly number[]
  ends: readonly number[]
}

/**
 * `fresh` (what the source lists now) plus the stored entries it no longer lists that a shown week may
 * still need: started, and not ended more than a year ago. An entry never started that the source took
 * back was never real. The fresh answer is kept whole (its size is bounded at the wire); the stored
 * ones fill what room it leaves of MAX_KEPT_ENTRIES, the latest started first.
 */
export function keepCurrent<T>(fresh: readonly T[], stored: readonly T[], keyOf: (entry: T) => string, datesOf: (entry: T) => EntryDates, now: number): T[] {
  const freshKeys = new Set(fresh.map(keyOf))
  const stillUseful = (entry: T) => {
    const { starts, ends } = datesOf(entry)
    const started = starts.some((at) => at <= now)
    const endedLongAgo = ends.length > 0 && ends.every((at) => at < now - KEEP_ENDED_FOR_MS)
    return started && !endedLongAgo
  }
  const kept = stored.filter((entry) => !freshKeys.has(keyOf(entry)) && stillUseful(entry))
  const latestStart = (entry: T) => Math.max(-Infinity, ...datesOf(entry).starts)
  const room = Math.max(0, MAX_KEPT_ENTRIES - fresh.length)
  const newestKept = kept.sort((a, b) => latestStart(b) - latestStart(a)).slice(0, room)
  return [...fresh, ...newestKept]
}
