import { describe, expect, it } from 'vitest'
import { seasonBlocker, seasonOfWeek, seasonView, seasonWarnings, tableForSeason, type LiveSeason, type SeasonFacts } from '../../../shared/domain/live-season.ts'
import { computedWeek } from '../../../shared/domain/reset.ts'
import { SHIPPED_SEASON_TABLES } from '../../../shared/domain/seasons.ts'
import type { Region } from '../../../shared/domain/types.ts'

/**
 * Which season a week belongs to (issue: the app must never show last season's rewards as facts
 * after a season change). Weeks are computed US/EU/KR weeks; seasons are Raider.IO-shaped.
 */

const at = (iso: string) => Date.parse(iso)
const weekOf = (region: Region, iso: string) => computedWeek(region, at(iso))
const season = (slug: string, name: string, starts: Partial<Record<Region, string>>, ends: Partial<Record<Region, string>> = {}, blizzardSeasonId: number | null = null): LiveSeason => ({
  slug,
  name,
  blizzardSeasonId,
  starts: Object.fromEntries(Object.entries(starts).map(([r, v]) => [r, at(v)])),
  ends: Object.fromEntries(Object.entries(ends).map(([r, v]) => [r, at(v)])),
})
const facts = (seasons: LiveSeason[], fetchedAt = at('2026-12-30T00:00:00Z')): SeasonFacts => ({ seasons, fetchedAt })

const S1 = season('season-mn-1', 'Midnight Season 1', { us: '2026-03-17T15:00:00Z', eu: '2026-03-18T04:00:00Z' }, { us: '2026-08-11T15:00:00Z', eu: '2026-08-12T04:00:00Z' }, 17)
const S2 = season('season-mn-2', 'Midnight Season 2', { us: '2026-08-18T15:00:00Z', eu: '2026-08-19T04:00:00Z', kr: '2026-08-19T23:00:00Z' }, {}, 18)
const S3 = season('season-mn-3', 'Midnight Season 3', { us: '2027-02-23T15:00:00Z', eu: '2027-02-24T04:00:00Z' }, {}, 19)
const tables = SHIPPED_SEASON_TABLES

describe('which season a week belongs to', () => {
  it('a live season with a table: in season, from Raider.IO, rewards known', () => {
    const ws = seasonOfWeek(weekOf('us', '2026-11-26T12:00:00Z'), facts([S1, S2]), tables)
    expect(ws).toMatchObject({ status: 'in-season', season: { id: 'season-mn-2', name: 'Midnight Season 2' }, origin: 'raiderio', assumed: false })
    expect(ws.table?.id).toBe('season-mn-2')
    expect(seasonBlocker(ws)).toBeNull()
  })

  it('per region: the EU week that began before the US season start is still Season 1 in neither; the same instant is Season 2 in the US', () => {
    // Wed 2026-08-19 02:00 UTC: the US reset of Aug 18 15:00 has passed, the EU one of Aug 19 04:00 not yet.
    const instant = '2026-08-19T02:00:00Z'
    expect(seasonOfWeek(weekOf('us', instant), facts([S1, S2]), tables)).toMatchObject({ status: 'in-season', season: { id: 'season-mn-2' } })
    // EU week of Aug 12 04:00: Season 1 ended at its start, Season 2 starts after it: Season 2's pre-season week (1076).
    expect(seasonOfWeek(weekOf('eu', instant), facts([S1, S2]), tables)).toMatchObject({ status: 'pre-season', season: { id: 'season-mn-2' }, table: { id: 'season-mn-2' } })
  })

  it('a season whose list has no date for the region is not that region\'s season', () => {
    const usOnly = season('season-mn-2', 'Midnight Season 2', { us: '2026-08-18T15:00:00Z' })
    const ws = seasonOfWeek(weekOf('eu', '2026-11-26T12:00:00Z'), facts([usOnly]), tables)
    // Nothing for EU at all: the list says nothing about EU, so the shipped calendar is used (and says so).
    expect(ws).toMatchObject({ status: 'in-season', origin: 'calendar', season: { id: 'season-mn-2' } })
    expect(seasonWarnings(ws)[0]).toContain("by the app's own calendar it is Midnight Season 2")
  })

  it('overlapping seasons go to the one that started last, whatever the list order', () => {
    // Season 2 has no end yet in the list while Season 3 has started.
    const march = weekOf('us', '2027-03-03T12:00:00Z')
    expect(seasonOfWeek(march, facts([S3, S2]), tables).season?.id).toBe('season-mn-3')
    expect(seasonOfWeek(march, facts([S2, S3]), tables).season?.id).toBe('season-mn-3')
    expect(seasonOfWeek(weekOf('us', '2027-02-20T12:00:00Z'), facts([S3, S2]), tables).season?.id).toBe('season-mn-2')
  })

  it('an end off the weekly reset belongs to the week that contains it (Raider.IO ended TWW Season 3 at Tuesday 06:00 UTC)', () => {
    const tww3 = season('season-tww-3', 'TWW Season 3', { us: '2025-08-12T15:00:00Z' }, { us: '2026-01-20T06:00:00Z' })
    // The US week Jan 13 15:00 → Jan 20 15:00 contains the end: still TWW Season 3.
    expect(seasonOfWeek(weekOf('us', '2026-01-20T05:00:00Z'), facts([tww3, S1]), tables)).toMatchObject({ status: 'in-season', season: { id: 'season-tww-3' }, table: undefined })
    expect(seasonOfWeek(weekOf('us', '2026-01-19T12:00:00Z'), facts([tww3, S1]), tables).season?.id).toBe('season-tww-3')
    // The next week (Jan 20 15:00 →) is after the end: between seasons.
    const after = seasonOfWeek(weekOf('us', '2026-01-21T12:00:00Z'), facts([tww3, S1]), tables)
    expect(after).toMatchObject({ status: 'between-seasons', season: null, previous: { name: 'TWW Season 3' }, next: { name: 'Midnight Season 1' } })
  })

  it('an end exactly on a reset leaves the next week to whatever comes next', () => {
    const ws = seasonOfWeek(weekOf('us', '2026-08-12T12:00:00Z'), facts([S1, S2]), tables)
    // Week 1076: Season 1 ended at its start, Season 2 starts at its end; its table calls it pre-season.
    expect(ws).toMatchObject({ status: 'pre-season', season: { id: 'season-mn-2' } })
    expect(ws.table?.preseasonPeriods).toContain(1076)
  })

  it('between seasons with no table claiming the week: says so and shows no rewards', () => {
    const ws = seasonOfWeek(weekOf('us', '2026-02-10T12:00:00Z'), facts([season('season-tww-3', 'TWW Season 3', { us: '2025-08-12T15:00:00Z' }, { us: '2026-01-20T06:00:00Z' }), S1]), tables)
    expect(ws.status).toBe('between-seasons')
    expect(ws.table).toBeUndefined()
    expect(seasonBlocker(ws)).toBe('Between seasons: TWW Season 3 ended Jan 20 06:00 UTC; Midnight Season 1 starts Mar 17 15:00 UTC. The vault may give nothing this week, so no rewards are shown.')
  })

  it('Season 1\'s first week (1055) had no keystones: a pre-season week of Season 1', () => {
    const ws = seasonOfWeek(weekOf('us', '2026-03-18T12:00:00Z'), facts([S1, S2]), tables)
    expect(ws).toMatchObject({ status: 'pre-season', season: { id: 'season-mn-1' }, table: { id: 'season-mn-1' } })
  })

  it('a season this version has no table for: counted with the usual thresholds, every reward unknown, "update the app"', () => {
    const ws = seasonOfWeek(weekOf('us', '2027-03-03T12:00:00Z'), facts([S2, S3]), tables)
    expect(ws).toMatchObject({ status: 'in-season', season: { id: 'season-mn-3', name: 'Midnight Season 3', blizzardSeasonId: 19 }, table: undefined })
    expect(seasonBlocker(ws)).toBe("This version does not know Midnight Season 3's rewards — update the app. Slots are counted with the usual thresholds (2/4/6 bosses, 1/4/8 dungeons, 2/4/8 activities), assumed; item levels are unknown.")
    expect(seasonView(ws)).toMatchObject({ tableKnown: false, thresholdsAssumed: true, table: null, id: 'season-mn-3' })
  })

  it('a table is found by Blizzard\'s season id when Raider.IO renames the slug', () => {
    const renamed = { ...S2, slug: 'season-midnight-2' }
    expect(tableForSeason(renamed, tables)?.id).toBe('season-mn-2')
    expect(tableForSeason({ slug: 'season-mn-3', blizzardSeasonId: null }, tables)).toBeUndefined()
  })

  it('no season list at all: the shipped calendar, and only through the period its authors checked', () => {
    expect(seasonOfWeek(weekOf('us', '2026-11-26T12:00:00Z'), null, tables)).toMatchObject({ status: 'in-season', origin: 'calendar', season: { id: 'season-mn-2' } })
    const later = seasonOfWeek(weekOf('us', '2027-01-20T12:00:00Z'), null, tables)
    expect(later).toMatchObject({ status: 'unknown', origin: 'none', table: undefined })
    expect(seasonBlocker(later)).toContain('Which season this week belongs to is unknown')
  })

  it('a list fetched before the week began, with no end for the season: the season is assumed to go on, and says so', () => {
    const week = weekOf('us', '2026-12-09T12:00:00Z')
    const ws = seasonOfWeek(week, facts([S2], week.start - 1), tables)
    expect(ws).toMatchObject({ status: 'in-season', assumed: true, table: { id: 'season-mn-2' } })
    expect(seasonWarnings(ws)).toEqual([expect.stringContaining('before this week began: Midnight Season 2 is assumed to go on')])
    // Fetched during the week: nothing assumed.
    expect(seasonOfWeek(week, facts([S2], week.start + 1), tables).assumed).toBe(false)
  })

  it('a KR week uses the KR start time: the hours before KR\'s Wednesday 23:00 UTC reset are still the pre-season week', () => {
    expect(seasonOfWeek(weekOf('kr', '2026-08-20T01:00:00Z'), facts([S1, S2]), tables)).toMatchObject({ status: 'in-season', season: { id: 'season-mn-2' } })
    // With the old Thursday 02:00 rule this KR week would have ended after the season start and counted as Season 2.
    expect(seasonOfWeek(weekOf('kr', '2026-08-19T22:00:00Z'), facts([S1, S2]), tables)).toMatchObject({ status: 'pre-season', season: { id: 'season-mn-2' } })
  })

  describe("with Blizzard's current season", () => {
    const week = weekOf('us', '2027-03-03T12:00:00Z')
    const read = (seasonId: number, at = week.start + 3_600_000, region: Region = 'us') => ({ region, seasonId, fetchedAt: at })

    it('a newer season than Raider.IO knows wins for the week it was read in, and only that week and region', () => {
      expect(seasonOfWeek(week, facts([S2]), tables, read(19))).toMatchObject({ status: 'in-season', origin: 'blizzard', season: { id: 'blizzard-season-19', blizzardSeasonId: 19 }, table: undefined })
      expect(seasonOfWeek(week, facts([S2]), tables, read(19, week.start - 1)).season?.id).toBe('season-mn-2')
      expect(seasonOfWeek(weekOf('eu', '2027-03-03T12:00:00Z'), facts([S2]), tables, read(19)).season?.id).toBe('season-mn-2')
    })

    it('the same or an older season changes nothing; between seasons a newer one ends the gap', () => {
      expect(seasonOfWeek(week, facts([S2, S3]), tables, read(19))).toMatchObject({ origin: 'raiderio', season: { id: 'season-mn-3' } })
      expect(seasonOfWeek(week, facts([S2]), tables, read(18))).toMatchObject({ origin: 'raiderio', season: { id: 'season-mn-2' } })
      const ended = season('season-mn-2', 'Midnight Season 2', { us: '2026-08-18T15:00:00Z' }, { us: '2027-02-23T15:00:00Z' }, 18)
      expect(seasonOfWeek(week, facts([ended]), tables).status).toBe('between-seasons')
      expect(seasonOfWeek(week, facts([ended]), tables, read(19))).toMatchObject({ status: 'in-season', origin: 'blizzard', season: { blizzardSeasonId: 19 } })
    })

    it('with no season list, Blizzard names the season and its table prices it', () => {
      const nov = weekOf('us', '2026-11-26T12:00:00Z')
      expect(seasonOfWeek(nov, null, tables, read(18, nov.start + 1))).toMatchObject({ origin: 'blizzard', season: { id: 'season-mn-2', name: 'Midnight Season 2' }, table: { id: 'season-mn-2' } })
    })
  })
})

describe("the season's rating achievements", () => {
  it('Keystone Myth at 3,600 from 12.1.5 (period 1085) on; none before it, and none for a season without a table (game-rules §12)', () => {
    const after = seasonView(seasonOfWeek(weekOf('us', '2026-11-26T12:00:00Z'), facts([S1, S2]), tables))
    expect(after.ratingAchievements).toEqual([{ name: 'Keystone Myth', rating: 3600 }])
    const before = seasonView(seasonOfWeek(weekOf('us', '2026-10-08T12:00:00Z'), facts([S1, S2]), tables))
    expect(before.id).toBe('season-mn-2')
    expect(before.ratingAchievements).toEqual([])
    expect(seasonView(seasonOfWeek(weekOf('us', '2027-03-03T12:00:00Z'), facts([S1, S2, S3]), tables)).ratingAchievements).toEqual([])
  })
})
