import { DIFFICULTY_LABELS } from '../../../shared/domain/difficulty.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'

export { DIFFICULTY_LABELS }
export { duration, levelLabel, relativeTime, SOURCE_LABELS } from '../../../shared/domain/labels.ts'

export function difficultyClass(difficulty: Difficulty | null): string {
  return difficulty ? `difficulty-${difficulty}` : ''
}

// The window speaks English, so dates and times do too (in the player's own time zone, named).
const LOCALE = 'en'

/** A date and time in the player's own time zone, with the zone named: "Tue, Nov 24, 4:00 PM CET". */
export function when(at: number): string {
  return new Date(at).toLocaleString(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })
}

/** "Nov 24": the day a week began, in the player's time zone. */
export function dayLabel(at: number): string {
  return new Date(at).toLocaleDateString(LOCALE, { day: 'numeric', month: 'short' })
}

/** The CSS class that gives a character's name its class colour ("class-death-knight"). */
export function classCss(className: string | null): string {
  return className ? `class-${className.toLowerCase().replace(/[^a-z]+/g, '-')}` : ''
}

/** A time of day in the player's own time zone, zone named ("3:10 PM CET"). */
export function clock(at: number): string {
  return new Date(at).toLocaleTimeString(LOCALE, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })
}
