/**
 * Crests (the season's upgrade currency) as Blizzard's achievement statistics count them: a season
 * total per kind, this week's gain against the week's first read, and the cap where the season table
 * states one. Import-free, so the renderer can use the types.
 */

/** One crest statistic in one week, as the store keeps it: the week's first read and its latest. */
export interface CrestReading {
  statisticId: number
  weekStart: number
  name: string | null
  firstQuantity: number
  /** The statistic's own last-updated time at the week's first read. */
  firstUpdatedAt: number | null
  latestQuantity: number
  latestAt: number
}

/** What the table says about one kind of crest. */
export interface CrestKind {
  name: string
  statisticId: number
  /** It rises by `perWeek` every week from `fromPeriod`; from `liftedFromPeriod` on there is no cap (12.1.5 lifted Season 2's). */
  cap: { perWeek: number; fromPeriod: number; confirmed: boolean; liftedFromPeriod?: number } | null
}

export interface CrestView {
  /** The kind as the season table names it ("Myth"). */
  name: string
  statisticId: number
  /** Blizzard's name for the statistic, once a read carried it. */
  statisticName: string | null
  /** Earned this season, as of the latest read; null: never read (Blizzard did not list the statistic). */
  total: number | null
  /** Gained since this week's first read; null before any read this week. */
  weekGain: number | null
  /** The first read this week came before the counter moved this week: the gain is the week's whole gain, not a lower bound. */
  weekGainExact: boolean
  /** The cap this week where the table states how it rises; null: no cap known, or none any more (`capLifted`). */
  cap: number | null
  capConfirmed: boolean
  /** A patch lifted the cap before or in this week: these crests have no cap, and that is known. */
  capLifted: boolean
  /** When the total was read. */
  readAt: number | null
}

export interface CrestsView {
  /** False: this version knows no crest statistics for the week's season (every figure unknown). */
  known: boolean
  kinds: CrestView[]
  /** The table's caveat for the player, if any. */
  note: string | null
}

/** The cap in a week: it rises by `perWeek` each week from `fromPeriod` (inclusive); none before, and none once lifted. */
export function crestCap(cap: CrestKind['cap'], period: number): number | null {
  if (!cap || period < cap.fromPeriod || capLifted(cap, period)) return null
  return cap.perWeek * (period - cap.fromPeriod + 1)
}

/** True from the week a patch lifted the cap. */
export function capLifted(cap: CrestKind['cap'], period: number): boolean {
  return cap?.liftedFromPeriod !== undefined && period >= cap.liftedFromPeriod
}

/**
 * The crests of a week from the reads up to its end (any week: a total read last week is still this
 * season's, and says so by its time): the total from the newest read, the gain from this week's.
 */
export function crestsView(kinds: readonly CrestKind[] | undefined, note: string | undefined, readings: readonly CrestReading[], week: { period: number; start: number }): CrestsView {
  if (!kinds || kinds.length === 0) return { known: false, kinds: [], note: null }
  return {
    known: true,
    note: note ?? null,
    kinds: kinds.map((kind): CrestView => {
      const reads = readings.filter((r) => r.statisticId === kind.statisticId)
      const weekRead = reads.find((r) => r.weekStart === week.start)
      const newest = reads.reduce<CrestReading | undefined>((best, r) => (best === undefined || r.latestAt > best.latestAt ? r : best), undefined)
      return {
        name: kind.name,
        statisticId: kind.statisticId,
        statisticName: newest?.name ?? null,
        total: newest?.latestQuantity ?? null,
        weekGain: weekRead ? Math.max(0, weekRead.latestQuantity - weekRead.firstQuantity) : null,
        weekGainExact: weekRead !== undefined && weekRead.firstUpdatedAt !== null && weekRead.firstUpdatedAt < week.start,
        cap: crestCap(kind.cap, week.period),
        capConfirmed: kind.cap?.confirmed ?? false,
        capLifted: capLifted(kind.cap, week.period),
        readAt: newest?.latestAt ?? null,
      }
    }),
  }
}

/** One kind in a few words: "340 (+40 this week, cap ≈1600)", "(…, no cap)" once lifted; "?" for a total never read. */
export function crestText(kind: Pick<CrestView, 'total' | 'weekGain' | 'weekGainExact' | 'cap' | 'capConfirmed' | 'capLifted'>): string {
  if (kind.total === null) return '?'
  const parts: string[] = []
  if (kind.weekGain !== null) parts.push(`${kind.weekGainExact ? '+' : '≥ +'}${kind.weekGain} this week`)
  if (kind.cap !== null) parts.push(`cap ${kind.capConfirmed ? '' : '≈'}${kind.cap}`)
  else if (kind.capLifted) parts.push('no cap')
  return parts.length > 0 ? `${kind.total} (${parts.join(', ')})` : String(kind.total)
}
