import { describe, expect, it } from 'vitest'
import { computedWeek, isInWeek, previousWeek, RESET_RULES, WEEK_MS, weekContaining, type KnownPeriod } from '../../../shared/domain/reset.ts'
import type { Region } from '../../../shared/domain/types.ts'

const iso = (ms: number) => new Date(ms).toISOString()
const at = (s: string) => Date.parse(s)

describe('computed weekly reset', () => {
  it.each([
    // Blizzard period 641 (fixture): start 2018-04-10T15:00Z.
    { region: 'us', instant: '2018-04-10T15:00:00.000Z', period: 641, start: '2018-04-10T15:00:00.000Z' },
    // Raider.IO periods fixture, August 2026 (summer).
    { region: 'us', instant: '2026-08-15T12:00:00.000Z', period: 1076, start: '2026-08-11T15:00:00.000Z' },
    { region: 'eu', instant: '2026-08-15T12:00:00.000Z', period: 1076, start: '2026-08-12T04:00:00.000Z' },
    // game-rules.md worked examples.
    { region: 'us', instant: '2026-07-16T00:00:00.000Z', period: 1072, start: '2026-07-14T15:00:00.000Z' },
    { region: 'eu', instant: '2026-07-16T00:00:00.000Z', period: 1072, start: '2026-07-15T04:00:00.000Z' },
    { region: 'us', instant: '2026-11-24T15:30:00.000Z', period: 1091, start: '2026-11-24T15:00:00.000Z' },
    { region: 'eu', instant: '2026-11-25T04:00:00.000Z', period: 1091, start: '2026-11-25T04:00:00.000Z' },
    // US on Tuesday after 15:00 but before EU's Wednesday reset: EU is still in the previous week.
    { region: 'eu', instant: '2026-11-24T20:00:00.000Z', period: 1090, start: '2026-11-18T04:00:00.000Z' },
    // KR and TW: Wednesday 23:00 UTC, as Raider.IO's recorded season dates start them (TWW Season 3: 2025-08-13T23:00:00Z).
    { region: 'kr', instant: '2026-11-25T23:00:00.000Z', period: 1091, start: '2026-11-25T23:00:00.000Z' },
    { region: 'tw', instant: '2026-11-25T22:59:59.999Z', period: 1090, start: '2026-11-18T23:00:00.000Z' },
    { region: 'kr', instant: '2025-08-13T23:00:00.000Z', period: 1024, start: '2025-08-13T23:00:00.000Z' },
  ] as const)('$region at $instant is period $period starting $start', ({ region, instant, period, start }) => {
    const week = computedWeek(region, at(instant))
    expect(week.period).toBe(period)
    expect(iso(week.start)).toBe(start)
    expect(week.end - week.start).toBe(WEEK_MS)
    expect(week.origin).toBe('computed')
  })

  it.each(['us', 'eu', 'kr', 'tw', 'cn'] as Region[])('%s: the reset instant belongs to the new week, 1 ms before to the old', (region) => {
    const week = computedWeek(region, at('2026-11-28T00:00:00.000Z'))
    const atReset = computedWeek(region, week.start)
    const justBefore = computedWeek(region, week.start - 1)
    expect(atReset.start).toBe(week.start)
    expect(justBefore.end).toBe(week.start)
    expect(justBefore.period).toBe(week.period - 1)
    expect(computedWeek(region, week.end - 1).period).toBe(week.period)
    expect(computedWeek(region, week.end).period).toBe(week.period + 1)
  })

  // The reset is a fixed UTC instant: DST changes the local clock time, never the UTC time.
  it.each([
    { region: 'us', name: 'US DST ends 2026-11-01', instant: '2026-11-02T12:00:00.000Z', start: '2026-10-27T15:00:00.000Z', next: '2026-11-03T15:00:00.000Z', local: 'America/Los_Angeles', localBefore: '08:00', localAfter: '07:00' },
    { region: 'us', name: 'US DST starts 2026-03-08', instant: '2026-03-09T12:00:00.000Z', start: '2026-03-03T15:00:00.000Z', next: '2026-03-10T15:00:00.000Z', local: 'America/Los_Angeles', localBefore: '07:00', localAfter: '08:00' },
    { region: 'eu', name: 'EU DST ends 2026-10-25', instant: '2026-10-26T12:00:00.000Z', start: '2026-10-21T04:00:00.000Z', next: '2026-10-28T04:00:00.000Z', local: 'Europe/Paris', localBefore: '06:00', localAfter: '05:00' },
    { region: 'eu', name: 'EU DST starts 2026-03-29', instant: '2026-03-30T12:00:00.000Z', start: '2026-03-25T04:00:00.000Z', next: '2026-04-01T04:00:00.000Z', local: 'Europe/Paris', localBefore: '05:00', localAfter: '06:00' },
  ] as const)('$name: UTC boundaries stay put while local time moves', ({ region, instant, start, next, local, localBefore, localAfter }) => {
    const week = computedWeek(region, at(instant))
    expect(iso(week.start)).toBe(start)
    expect(iso(week.end)).toBe(next)
    const clock = (ms: number) => new Intl.DateTimeFormat('en-GB', { timeZone: local, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)
    expect(clock(week.start)).toBe(localBefore)
    expect(clock(week.end)).toBe(localAfter)
  })

  it.each([
    { region: 'us', instant: '2026-12-31T23:59:59.999Z', start: '2026-12-29T15:00:00.000Z', end: '2027-01-05T15:00:00.000Z' },
    { region: 'eu', instant: '2027-01-01T00:00:00.000Z', start: '2026-12-30T04:00:00.000Z', end: '2027-01-06T04:00:00.000Z' },
    { region: 'us', instant: '2024-02-29T12:00:00.000Z', start: '2024-02-27T15:00:00.000Z', end: '2024-03-05T15:00:00.000Z' },
    { region: 'eu', instant: '2020-12-31T12:00:00.000Z', start: '2020-12-30T04:00:00.000Z', end: '2021-01-06T04:00:00.000Z' },
  ] as const)('year ends and leap days: $region $instant', ({ region, instant, start, end }) => {
    const week = computedWeek(region, at(instant))
    expect([iso(week.start), iso(week.end)]).toEqual([start, end])
  })

  it('handles instants before the anchor period', () => {
    const week = computedWeek('us', at('2018-04-10T14:59:59.999Z'))
    expect(week.period).toBe(640)
    expect(iso(week.start)).toBe('2018-04-03T15:00:00.000Z')
  })

  it('rejects an invalid instant instead of returning NaN boundaries', () => {
    expect(() => computedWeek('us', Number.NaN)).toThrow(RangeError)
  })

  it('marks the regions without recorded data as unconfirmed', () => {
    expect(RESET_RULES.us.confidence).toBe('verified')
    expect(RESET_RULES.eu.confidence).toBe('verified')
    expect(RESET_RULES.cn.confidence).toBe('unconfirmed')
  })
})

describe('known periods (Raider.IO) take precedence', () => {
  const known: KnownPeriod[] = [
    { region: 'us', period: 1076, start: at('2026-08-11T15:00:00.000Z'), end: at('2026-08-18T15:00:00.000Z') },
    // An unusual week (e.g. a delayed reset) that the fixed rule could not know about.
    { region: 'eu', period: 1076, start: at('2026-08-12T07:00:00.000Z'), end: at('2026-08-19T04:00:00.000Z') },
  ]

  it('uses the known period that contains the instant; before it, weeks step back from it in whole weeks', () => {
    const week = weekContaining('eu', at('2026-08-12T06:00:00.000Z'), known)
    // 06:00 is after the computed 04:00 reset but before the known 07:00 one: still the old week,
    // a whole week that ends where the known week begins.
    expect(week.origin).toBe('computed')
    expect(week.period).toBe(1075)
    expect(iso(week.start)).toBe('2026-08-05T07:00:00.000Z')
    expect(week.end).toBe(known[1]!.start)
    const inside = weekContaining('eu', at('2026-08-12T07:00:00.000Z'), known)
    expect(inside).toEqual({ region: 'eu', period: 1076, start: known[1]!.start, end: known[1]!.end, origin: 'raiderio' })
  })

  it('falls back to the computed rule only for regions with no known period', () => {
    expect(weekContaining('kr', at('2026-08-14T00:00:00.000Z'), known)).toEqual(computedWeek('kr', at('2026-08-14T00:00:00.000Z')))
  })

  it('after the last known period, weeks continue in exact 7-day steps from its end', () => {
    const late: KnownPeriod[] = [{ region: 'us', period: 1090, start: at('2026-11-17T15:00:00.000Z'), end: at('2026-11-24T18:00:00.000Z') }]
    const week = weekContaining('us', at('2026-11-24T19:00:00.000Z'), late)
    expect(week).toMatchObject({ period: 1091, start: late[0]!.end, end: at('2026-12-01T18:00:00.000Z'), origin: 'computed' })
    expect(weekContaining('us', at('2026-12-09T00:00:00.000Z'), late)).toMatchObject({ period: 1093, start: at('2026-12-08T18:00:00.000Z') })
  })

  it('KR/TW: where Raider.IO\'s boundaries differ from the rule, no 4-hour "last week" and no 14-day week once stored periods run out', () => {
    // Stored periods an hour off the rule (22:00 instead of Wednesday 23:00 UTC, as after a maintenance): they win.
    const kr: KnownPeriod[] = [
      { region: 'kr', period: 1090, start: at('2026-11-18T22:00:00.000Z'), end: at('2026-11-25T22:00:00.000Z') },
      { region: 'kr', period: 1091, start: at('2026-11-25T22:00:00.000Z'), end: at('2026-12-02T22:00:00.000Z') },
    ]
    for (const instant of ['2026-12-03T00:00:00.000Z', '2026-12-03T03:00:00.000Z', '2026-12-20T12:00:00.000Z', '2026-11-10T12:00:00.000Z']) {
      const week = weekContaining('kr', at(instant), kr)
      expect(week.end - week.start).toBe(WEEK_MS)
      expect(previousWeek(week, kr).end - previousWeek(week, kr).start).toBe(WEEK_MS)
      expect(previousWeek(week, kr).end).toBe(week.start)
      expect(new Date(week.start).getUTCHours()).toBe(22)
    }
    expect(weekContaining('kr', at('2026-12-03T00:00:00.000Z'), kr).period).toBe(1092)
  })

  it('previousWeek steps back one week, using known periods when they cover it', () => {
    const current = weekContaining('us', at('2026-08-19T00:00:00.000Z'), known)
    expect(current.origin).toBe('computed')
    const previous = previousWeek(current, known)
    expect(previous.origin).toBe('raiderio')
    expect(previous.end).toBe(current.start)
    expect(isInWeek(previous, previous.start)).toBe(true)
    expect(isInWeek(previous, previous.end)).toBe(false)
  })
})
