import type { Region } from './types.ts'

/**
 * Weekly reset boundaries. Resets happen at a fixed UTC instant each week (the local clock time moves
 * with daylight saving, the UTC instant does not), so all math here is in UTC epoch milliseconds and
 * never touches a local time zone. Raider.IO's `/api/v1/periods` is authoritative when it is known
 * (it also covers unusual resets); the computed rule is the fallback.
 */

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

/** Start of US period 641, 2018-04-10 15:00 UTC (Blizzard `/data/wow/mythic-keystone/period/641`). */
export const PERIOD_641_US_START_MS = Date.UTC(2018, 3, 10, 15)
const PERIOD_641 = 641

/** How one region's reset relates to the US one, and how sure we are of it. */
export interface RegionResetRule {
  /** Delay after the US reset instant; the period id stays the same across regions. */
  offsetFromUsMs: number
  /** Human description, in UTC. */
  description: string
  /** `verified` = seen in recorded API data; `unconfirmed` = a single secondary source or a guess. */
  confidence: 'verified' | 'unconfirmed'
}

export const RESET_RULES: Readonly<Record<Region, RegionResetRule>> = {
  us: { offsetFromUsMs: 0, description: 'Tuesday 15:00 UTC', confidence: 'verified' },
  eu: { offsetFromUsMs: 13 * HOUR_MS, description: 'Wednesday 04:00 UTC', confidence: 'verified' },
  // Raider.IO's recorded season dates start KR and TW at Wednesday 23:00 UTC (TWW Season 3:
  // 2025-08-13T23:00:00Z, 32 h after the US start); wowaudit's Thursday 02:00 UTC is not borne out by data.
  kr: { offsetFromUsMs: 32 * HOUR_MS, description: 'Wednesday 23:00 UTC', confidence: 'verified' },
  tw: { offsetFromUsMs: 32 * HOUR_MS, description: 'Wednesday 23:00 UTC', confidence: 'verified' },
  // Raider.IO lists China with the KR/TW date too, but no API this app reads covers China's realms.
  cn: { offsetFromUsMs: 32 * HOUR_MS, description: 'Wednesday 23:00 UTC (assumed)', confidence: 'unconfirmed' },
}

/** A half-open week [start, end) in epoch ms, with the period id and where the boundaries came from. */
export interface WeekWindow {
  region: Region
  period: number
  start: number
  end: number
  origin: 'raiderio' | 'computed'
}

/** A period as Raider.IO's `/api/v1/periods` gives it, converted to epoch ms. */
export interface KnownPeriod {
  region: Region
  period: number
  start: number
  end: number
}

function assertInstant(instant: number): void {
  if (!Number.isFinite(instant)) throw new RangeError(`Not a valid instant: ${instant}`)
}

/** The week containing `instant` by the fixed weekly rule of the region. */
export function computedWeek(region: Region, instant: number): WeekWindow {
  assertInstant(instant)
  const anchor = PERIOD_641_US_START_MS + RESET_RULES[region].offsetFromUsMs
  const weeksSinceAnchor = Math.floor((instant - anchor) / WEEK_MS)
  const start = anchor + weeksSinceAnchor * WEEK_MS
  return { region, period: PERIOD_641 + weeksSinceAnchor, start, end: start + WEEK_MS, origin: 'computed' }
}

/**
 * The week containing `instant`. A known period of the region that contains it wins (Raider.IO is
 * authoritative). Otherwise, when the region has known periods, weeks continue from the nearest one in
 * exact 7-day steps (so a region whose real reset differs from the rule, such as KR/TW, never gets a
 * short or long week once the stored periods run out); only a region with no known period uses the rule.
 */
export function weekContaining(region: Region, instant: number, known: readonly KnownPeriod[] = []): WeekWindow {
  assertInstant(instant)
  const ofRegion = known.filter((p) => p.region === region).sort((a, b) => a.start - b.start)
  const match = ofRegion.find((p) => p.start <= instant && instant < p.end)
  if (match) return { region, period: match.period, start: match.start, end: match.end, origin: 'raiderio' }
  if (ofRegion.length === 0) return computedWeek(region, instant)
  const before = ofRegion.filter((p) => p.end <= instant).at(-1)
  if (before) {
    const steps = Math.floor((instant - before.end) / WEEK_MS)
    const start = before.end + steps * WEEK_MS
    return { region, period: before.period + 1 + steps, start, end: start + WEEK_MS, origin: 'computed' }
  }
  const first = ofRegion[0] as KnownPeriod
  const steps = Math.ceil((first.start - instant) / WEEK_MS)
  const start = first.start - steps * WEEK_MS
  return { region, period: first.period - steps, start, end: start + WEEK_MS, origin: 'computed' }
}

/** The week before `week` (the vault a player can open now), using known periods when they cover it. */
export function previousWeek(week: WeekWindow, known: readonly KnownPeriod[] = []): WeekWindow {
  return weekContaining(week.region, week.start - 1, known)
}

/** True when `instant` lies inside the half-open week. */
export function isInWeek(week: Pick<WeekWindow, 'start' | 'end'>, instant: number): boolean {
  return week.start <= instant && instant < week.end
}
