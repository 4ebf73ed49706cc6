import type { RaidEvidenceKind, SourceId } from './types.ts'

/** Player-facing names shared by messages, the CLI, the tray and the window, so they never drift apart. */

export const SOURCE_LABELS: Record<SourceId | RaidEvidenceKind, string> = {
  blizzard: 'Blizzard',
  warcraftlogs: 'Warcraft Logs',
  raiderio: 'Raider.IO',
  snapshot: 'snapshot',
}

/** A level on the vault scale: 0 Heroic (and Timewalking), 1 Mythic 0, 2+ keystone (+N). */
export function levelLabel(level: number): string {
  if (level === 0) return 'Heroic'
  if (level === 1) return 'Mythic 0'
  return `+${level}`
}

/**
 * "just now", "12 minutes ago", "yesterday", "in 3 hours"; "never" for null. English, like the rest of the
 * UI; the window, the tray and notifications all say times this way.
 */
export function relativeTime(at: number | null, now: number): string {
  if (at === null) return 'never'
  const seconds = Math.round((at - now) / 1000)
  if (Math.abs(seconds) < 60) return 'just now'
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
  const minutes = Math.round(seconds / 60)
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute')
  const hours = Math.round(minutes / 60)
  if (Math.abs(hours) < 48) return format.format(hours, 'hour')
  return format.format(Math.round(hours / 24), 'day')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Nov 26 14:02 UTC": one unambiguous form for times inside messages, whatever the reader's time zone. */
export function utcTime(at: number): string {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}

/** "3 d 4 h", "5 h 12 min", "8 min": how long until something (never negative). */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${minutes % 60} min`
  return `${minutes} min`
}

/** "1 character", "3 characters": a count with its noun, never "character(s)". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "Syncing 47 of 120": a run's progress, the same words in the window's header and the tray. */
export function syncProgressText(sync: { done: number; total: number }): string {
  return `Syncing ${sync.done} of ${sync.total}`
}
