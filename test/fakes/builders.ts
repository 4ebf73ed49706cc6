import { fixture } from './fixtures.ts'

/**
 * Responses for scenarios the recordings do not cover (this week's runs, this week's kills), built
 * from the recorded objects so the wire shape stays the real one.
 */

type Json = Record<string, unknown>

/** A Raider.IO RUN object: the recorded 2026 run with the given changes. */
export function raiderIoRun(changes: { dungeon?: string; mythic_level?: number; completed_at: string; num_keystone_upgrades?: number }): Json {
  const profile = fixture<{ mythic_plus_recent_runs: Json[] }>('raiderio-character-profile.highervalue-illidan-us-2026.json')
  return { ...profile.mythic_plus_recent_runs[0], ...changes }
}

/** The recorded 2026 Raider.IO profile with this week's and last week's runs replaced. */
export function raiderIoProfile(weekly: Json[], previousWeekly: Json[] = [], changes: Json = {}): Json {
  const profile = fixture<Json>('raiderio-character-profile.highervalue-illidan-us-2026.json')
  return { ...profile, mythic_plus_weekly_highest_level_runs: weekly, mythic_plus_previous_weekly_highest_level_runs: previousWeekly, ...changes }
}
