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

/** A boss kill record for blizzardEncounters(): lifetime count and last kill time (ms). */
export interface BlizzardKillSpec {
  boss: string
  difficulty: 'LFR' | 'NORMAL' | 'HEROIC' | 'MYTHIC'
  count: number
  lastKill: number | null
  instance?: string
}

/**
 * A Blizzard encounters/raids response in the recorded shape (expansions → instances → modes →
 * progress.encounters), listing the given kills under the "Current Season" pseudo-expansion.
 */
export function blizzardEncounters(kills: readonly BlizzardKillSpec[], expansion = { name: 'Current Season', id: 505 }): Json {
  const instances = new Map<string, Map<string, BlizzardKillSpec[]>>()
  for (const kill of kills) {
    const instance = kill.instance ?? 'The Voidspire'
    const modes = instances.get(instance) ?? new Map<string, BlizzardKillSpec[]>()
    modes.set(kill.difficulty, [...(modes.get(kill.difficulty) ?? []), kill])
    instances.set(instance, modes)
  }
  const names: Record<string, string> = { LFR: 'Raid Finder', NORMAL: 'Normal', HEROIC: 'Heroic', MYTHIC: 'Mythic' }
  return {
    character: { key: { href: 'https://us.api.blizzard.com/profile/wow/character/x/y' }, name: 'Test', id: 1, realm: { key: { href: '' }, name: 'Area 52', id: 3676, slug: 'area-52' } },
    expansions: [
      {
        expansion: { key: { href: '' }, name: expansion.name, id: expansion.id },
        instances: [...instances].map(([instance, modes], i) => ({
          instance: { key: { href: '' }, name: instance, id: 2912 + i },
          modes: [...modes].map(([difficulty, entries]) => ({
            difficulty: { type: difficulty, name: names[difficulty] },
            status: { type: 'IN_PROGRESS', name: 'In Progress' },
            progress: {
              completed_count: entries.length,
              total_count: 9,
              encounters: entries.map((e, j) => ({
                encounter: { key: { href: '' }, name: e.boss, id: 3000 + j },
                completed_count: e.count,
                ...(e.lastKill === null ? {} : { last_kill_timestamp: e.lastKill }),
              })),
            },
          })),
        })),
      },
    ],
  }
}

/** A Blizzard mythic-keystone-profile response in the recorded shape. */
export function blizzardKeystoneProfile(periodId: number, runs: { dungeon: string; level: number; completedAt: number; timed?: boolean }[]): Json {
  const recorded = fixture<{ current_period: { best_runs: Json[] } }>('blizzard-mythic-keystone-profile.volladin-zuljin-us-2020.json')
  const template = recorded.current_period.best_runs[0]!
  return {
    ...recorded,
    current_period: {
      period: { key: { href: '' }, id: periodId },
      best_runs: runs.map((r, i) => ({ ...template, completed_timestamp: r.completedAt, keystone_level: r.level, dungeon: { key: { href: '' }, name: r.dungeon, id: 500 + i }, is_completed_within_time: r.timed ?? true })),
    },
  }
}

/**
 * Raider.IO raiding static data in the recorded shape for made-up current-season raids (the real
 * Midnight Season 2 roster is not in the recordings): `ends: null` marks the live tier.
 */
export function raidingStaticData(raids: { slug: string; name: string; starts: string; ends?: string | null; bosses: string[] }[]): Json {
  const recorded = fixture<{ raids: Json[] }>('raiderio-raiding-static-data.tww-expansion-10.json')
  const template = recorded.raids[0]!
  const byRegion = (value: string | null) => ({ us: value, eu: value, tw: value, kr: value, cn: value })
  return {
    raids: raids.map((raid, i) => ({
      ...template,
      id: 20000 + i,
      slug: raid.slug,
      name: raid.name,
      starts: byRegion(raid.starts),
      ends: byRegion(raid.ends ?? null),
      encounters: raid.bosses.map((name, j) => ({ id: 300000 + i * 100 + j, slug: name.toLowerCase().replace(/[^a-z]+/g, '-'), name })),
    })),
  }
}

/**
 * Blizzard achievement statistics in the documented shape (the generated fixture) with the given
 * counters: `{ [statisticId]: { quantity, lastUpdated } }`, placed in a "Delves" category.
 */
export function blizzardStatistics(values: Record<number, { quantity: number; lastUpdated: number | null }>): Json {
  const template = fixture<{ character: Json }>('blizzard-achievement-statistics.generated.json')
  const statistics = Object.entries(values).map(([id, v]) => ({ id: Number(id), name: `Statistic ${id}`, quantity: v.quantity, ...(v.lastUpdated === null ? {} : { last_updated_timestamp: v.lastUpdated }) }))
  // Half of them one level down, as Blizzard nests sub-categories.
  const half = Math.ceil(statistics.length / 2)
  return { ...template, categories: [{ id: 15514, name: 'Delves', statistics: statistics.slice(0, half), sub_categories: [{ id: 15527, name: 'Midnight', statistics: statistics.slice(half) }] }] }
}

/** Blizzard completed quests in the documented shape (the generated fixture) with the given ids. */
export function blizzardCompletedQuests(ids: readonly number[]): Json {
  const template = fixture<{ character: Json }>('blizzard-quests-completed.generated.json')
  return { ...template, quests: ids.map((id) => ({ key: { href: `https://us.api.blizzard.com/data/wow/quest/${id}?namespace=static-us` }, name: `Quest ${id}`, id })) }
}

/**
 * Raider.IO Mythic+ static data in the recorded shape (api-contracts.md §2.5) for the given seasons:
 * each start/end is one instant for every region, or per region; `null`/absent end = still live.
 */
export function mythicPlusSeasons(seasons: { slug: string; name: string; blizzardSeasonId?: number | null; starts: string | Record<string, string | null>; ends?: string | null | Record<string, string | null> }[]): Json {
  const recorded = fixture<{ seasons: Json[] }>('raiderio-mythic-plus-static-data.tww-s3-trimmed.json')
  const template = recorded.seasons[0]!
  const byRegion = (value: string | null | Record<string, string | null> | undefined) => (value !== null && typeof value === 'object' ? value : { us: value ?? null, eu: value ?? null, tw: value ?? null, kr: value ?? null, cn: value ?? null })
  return {
    seasons: seasons.map((s) => ({ ...template, slug: s.slug, name: s.name, blizzard_season_id: s.blizzardSeasonId ?? null, short_name: s.slug.toUpperCase(), starts: byRegion(s.starts), ends: byRegion(s.ends) })),
  }
}

/**
 * Midnight's seasons as Raider.IO would list them (expansion 11): Season 1 from period 1055 to the
 * end of 1075, Season 2 from 1077 (1076 was its pre-season week), still live. US and EU dates.
 */
export const MIDNIGHT_SEASONS = mythicPlusSeasons([
  { slug: 'season-mn-1', name: 'Midnight Season 1', blizzardSeasonId: 17, starts: { us: '2026-03-17T15:00:00Z', eu: '2026-03-18T04:00:00Z' }, ends: { us: '2026-08-11T15:00:00Z', eu: '2026-08-12T04:00:00Z' } },
  { slug: 'season-mn-2', name: 'Midnight Season 2', blizzardSeasonId: 18, starts: { us: '2026-08-18T15:00:00Z', eu: '2026-08-19T04:00:00Z' }, ends: null },
])
