import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { ActivitySources } from '../../shared/domain/seasons.ts'
import type { StatisticValue } from '../clients/blizzard/parse.ts'
import type { ActivityBaseline, ActivityObservation } from '../store/activity-repo.ts'

/**
 * Turns Blizzard's statistics and completed quests into this week's World-row activities and Heroic /
 * Mythic 0 runs (game-rules.md §7–§8, wowaudit's method). Counters are lifetime totals, so a week's
 * count is the rise against a baseline read inside the same week; before a baseline exists, a
 * counter whose last update lies inside the week proves at least one. Profile data only changes when
 * the character logs out, so all of it is "as of the last logout".
 *
 * Weekly quests leave the completed list after the reset (once the character logs out), so a quest
 * counts when it is in the list now and was missing from it at an earlier read this week: a quest
 * present at every read may be last week's, and is not claimed.
 */

/**
 * Game-sized limits for the counters the vault reads. A week has 10,080 minutes and no delve or
 * dungeon takes less than ten, so a counter that rose by more than this in a week, or a lifetime
 * counter beyond the larger figure, is Blizzard's error: it is not counted, and the sync says so.
 */
export const MAX_WEEKLY_COMPLETIONS = 1000
export const MAX_LIFETIME_COMPLETIONS = 10_000_000

/** What answered in this sync (an absent part failed or was not asked). */
export interface ActivityReading {
  statistics?: readonly StatisticValue[]
  quests?: readonly number[]
}

export interface ActivityEvidence {
  observations: ActivityObservation[]
  /** Counters that were not counted because Blizzard's value cannot be right, in the player's words. */
  problems: string[]
  /** The baseline after this reading (unchanged parts kept). */
  baseline: Omit<ActivityBaseline, 'id'> & { id?: number }
}

export function activityEvidence(sources: ActivitySources, reading: ActivityReading, previous: ActivityBaseline | undefined, week: Pick<WeekWindow, 'start'>, preseason: boolean, at: number): ActivityEvidence {
  const observations: ActivityObservation[] = []
  const problems: string[] = []
  const baseline: ActivityEvidence['baseline'] = previous ? { ...previous } : { capturedAt: at, statistics: null, absentQuests: null, cleanStatistics: null, cleanDungeons: null, cleanQuests: null }

  if (reading.statistics) {
    const counters = trackedCounters(sources, preseason)
    const current = new Map(reading.statistics.map((s) => [s.id, s]))
    // A tracked counter beyond any real lifetime total is left out as if Blizzard had not sent it.
    const refused = new Set<number>()
    for (const counter of counters) {
      const value = current.get(counter.statisticId)
      if (value && value.quantity > MAX_LIFETIME_COMPLETIONS) {
        refused.add(counter.statisticId)
        problems.push(`Blizzard's counter "${counter.activity.name}" (statistic ${counter.statisticId}) says ${value.quantity.toLocaleString('en-US')}, more than anyone has done: Blizzard's data looks wrong, so it was not counted.`)
        current.delete(counter.statisticId)
      }
    }
    if (previous?.statistics) {
      for (const counter of counters) {
        const now = current.get(counter.statisticId)
        const before = previous.statistics.get(counter.statisticId)
        // No baseline for this counter (its first value was refused, or the table gained it this week): no rise to count.
        if (!now || before === undefined) continue
        const rise = now.quantity - before
        if (rise > MAX_WEEKLY_COMPLETIONS && !counter.atMostOne) {
          problems.push(`Blizzard's counter "${counter.activity.name}" (statistic ${counter.statisticId}) rose by ${rise.toLocaleString('en-US')} since this week's first read, more than a week allows: Blizzard's data looks wrong, so the rise was not counted.`)
          continue
        }
        if (rise > 0) observations.push({ ...counter.activity, count: counter.atMostOne ? 1 : rise, source: 'snapshot', happenedAt: now.lastUpdatedAt ?? null })
      }
    } else {
      // The first read of the week: a counter updated since the reset proves at least one.
      const changed = { delves: false, dungeons: false }
      for (const counter of counters) {
        const now = current.get(counter.statisticId)
        if (!now || now.quantity === 0) continue
        if (now.lastUpdatedAt === null || now.lastUpdatedAt >= week.start) changed[counter.activity.kind === 'delve' ? 'delves' : 'dungeons'] = true
        if (now.lastUpdatedAt !== null && now.lastUpdatedAt >= week.start) observations.push({ ...counter.activity, count: 1, source: 'blizzard', happenedAt: now.lastUpdatedAt })
      }
      // A refused counter gets no baseline: a later sane value is not a rise from zero.
      baseline.statistics = new Map(counters.filter((c) => !refused.has(c.statisticId)).map((c) => [c.statisticId, current.get(c.statisticId)?.quantity ?? 0]))
      baseline.cleanStatistics = !changed.delves
      baseline.cleanDungeons = !changed.dungeons
    }
  }

  if (reading.quests) {
    const completed = new Set(reading.quests)
    const tracked = [...sources.prey.flatMap((p) => p.questIds), ...sources.worldQuests.flatMap((w) => w.questIds)]
    const missingNow = tracked.filter((id) => !completed.has(id))
    if (previous?.absentQuests) {
      const counted = new Set(tracked.filter((id) => completed.has(id) && previous.absentQuests!.has(id)))
      for (const prey of sources.prey) {
        const count = prey.questIds.filter((id) => counted.has(id)).length
        if (count > 0) observations.push({ kind: 'prey', name: `Prey (${prey.difficulty})`, tier: prey.tier, count, source: 'snapshot', happenedAt: null })
      }
      for (const world of sources.worldQuests) {
        if (world.questIds.some((id) => counted.has(id))) observations.push({ kind: 'world', name: world.name, tier: 1, count: 1, source: 'snapshot', happenedAt: null })
      }
      baseline.absentQuests = new Set([...previous.absentQuests, ...missingNow])
    } else {
      baseline.absentQuests = new Set(missingNow)
      // A tracked quest already in the list may have been done this week before this read: not counted.
      baseline.cleanQuests = missingNow.length === tracked.length
    }
  }
  return { observations, problems, baseline }
}

interface Counter {
  statisticId: number
  activity: Pick<ActivityObservation, 'kind' | 'name' | 'tier'>
  /** Mythic 0 has a weekly lockout: at most one per dungeon. */
  atMostOne: boolean
}

/** The statistics that count: delves per tier, Heroic runs, and Mythic 0 runs in pre-season weeks only. */
function trackedCounters(sources: ActivitySources, preseason: boolean): Counter[] {
  const delves = sources.delveTierStatistics.map((d): Counter => ({ statisticId: d.statisticId, activity: { kind: 'delve', name: `Tier ${d.tier} delves`, tier: d.tier }, atMostOne: false }))
  const heroic = sources.dungeonStatistics.flatMap((d): Counter[] => (d.heroicId === null ? [] : [{ statisticId: d.heroicId, activity: { kind: 'heroic', name: d.dungeon, tier: 0 }, atMostOne: false }]))
  // Outside pre-season the Mythic statistic also moves on keystone runs, which would count twice.
  const mythic0 = preseason ? sources.dungeonStatistics.map((d): Counter => ({ statisticId: d.mythicId, activity: { kind: 'mythic0', name: d.dungeon, tier: 1 }, atMostOne: true })) : []
  return [...delves, ...heroic, ...mythic0]
}
