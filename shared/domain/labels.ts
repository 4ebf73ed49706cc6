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

/** "just now", "12 min ago", "3 h ago", "2 d ago"; "never" for null. */
export function timeAgo(at: number | null, now: number): string {
  if (at === null) return 'never'
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Nov 26 14:02 UTC": one unambiguous form for times inside messages, whatever the reader's time zone. */
export function utcTime(at: number): string {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}
