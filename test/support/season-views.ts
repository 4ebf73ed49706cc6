import { seasonOfWeek, seasonView, type SeasonView } from '../../shared/domain/live-season.ts'
import { dungeonNextSteps, raidNextSteps, worldNextSteps } from '../../shared/domain/next-step.ts'
import { SHIPPED_SEASON_TABLES, type SeasonVaultTable } from '../../shared/domain/seasons.ts'
import { topTiers } from '../../shared/domain/world.ts'
import type { WeekVaultView } from '../../shared/ipc-api.ts'

/** The shipped Midnight Season 2 table, as the views of week 1091 use it. */
export const SEASON_2 = SHIPPED_SEASON_TABLES.find((t) => t.id === 'season-mn-2') as SeasonVaultTable

const WEEK_1091 = { region: 'us' as const, period: 1091, start: Date.parse('2026-11-24T15:00:00Z'), end: Date.parse('2026-12-01T15:00:00Z') }

/** The season view main sends for week 1091 (by the shipped calendar), or one whose table this version lacks. */
export function seasonViewOf(known = true): SeasonView {
  if (known) return seasonView(seasonOfWeek(WEEK_1091, null, [SEASON_2]))
  const facts = { fetchedAt: WEEK_1091.start + 1, seasons: [{ slug: 'season-mn-3', name: 'Midnight Season 3', blizzardSeasonId: 19, starts: { us: WEEK_1091.start }, ends: {} }] }
  return seasonView(seasonOfWeek(WEEK_1091, facts, [SEASON_2]))
}

/** "What next" as main computes it for a week view (vault-views.ts), from the same domain functions. */
export function nextStepsOf(week: Pick<WeekVaultView, 'raid' | 'dungeons' | 'world'>, table: SeasonVaultTable | undefined = SEASON_2): WeekVaultView['nextSteps'] {
  return {
    raid: raidNextSteps(week.raid.bosses.map((b) => b.difficulty), table),
    dungeons: dungeonNextSteps(week.dungeons.runs.map((r) => r.level), table),
    world: worldNextSteps(topTiers(week.world.activities, 8), table, 1091),
  }
}
