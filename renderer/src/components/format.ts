import { DIFFICULTY_LABELS } from '../../../shared/domain/difficulty.ts'
import type { Difficulty, RaidEvidenceKind, SourceId } from '../../../shared/domain/types.ts'

export { DIFFICULTY_LABELS }

export const SOURCE_LABELS: Record<SourceId | RaidEvidenceKind, string> = {
  blizzard: 'Blizzard',
  warcraftlogs: 'Warcraft Logs',
  raiderio: 'Raider.IO',
  snapshot: 'snapshot',
}

/** Vault level scale: 0 Heroic, 1 Mythic 0, 2+ keystone. */
export function levelLabel(level: number): string {
  if (level === 0) return 'Heroic'
  if (level === 1) return 'Mythic 0'
  return `+${level}`
}

export function difficultyClass(difficulty: Difficulty | null): string {
  return difficulty ? `difficulty-${difficulty}` : ''
}

/** "just now", "12 min ago", "3 h ago", "2 d ago"; "never" for null. */
export function ago(at: number | null, now: number): string {
  if (at === null) return 'never'
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} d ago`
}

/** "3 d 4 h", "5 h 12 min", "8 min". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${minutes % 60} min`
  return `${minutes} min`
}

/** A date and time in the player's own time zone. */
export function when(at: number): string {
  return new Date(at).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}
