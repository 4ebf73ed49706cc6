import { DIFFICULTY_LABELS } from '../../../shared/domain/difficulty.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'

export { DIFFICULTY_LABELS }
export { levelLabel, SOURCE_LABELS, timeAgo } from '../../../shared/domain/labels.ts'

export function difficultyClass(difficulty: Difficulty | null): string {
  return difficulty ? `difficulty-${difficulty}` : ''
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

/** A time of day in the player's own time zone ("15:10"). */
export function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
}
