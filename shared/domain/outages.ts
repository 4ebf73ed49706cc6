import type { CharacterOverview } from '../ipc-api.ts'
import { SOURCE_LABELS } from './labels.ts'
import { SOURCE_IDS, type SourceId } from './types.ts'

/**
 * The board's outage lines: for each source whose last read failed for some characters, since when,
 * what that means for the rows, and when the app tries again. One line per source, never a generic
 * "the service had a problem".
 */
export interface Outage {
  source: SourceId
  /** "Raider.IO is not answering": the source named, in player words. */
  headline: string
  /** What the rows show meanwhile. */
  effect: string
  characters: number
  /** The earliest failed read among them. */
  since: number | null
  /** The soonest next sync of one of them (null without a scheduler). */
  nextTry: number | null
  /** What the source said (codes, addresses): for a Details disclosure. */
  details: string[]
}

const EFFECT: Record<SourceId, string> = {
  blizzard: 'the raid, World, crest and quest figures it gives are as of its last answer or unknown; each row says which',
  raiderio: "dungeon rows show Blizzard's best runs only",
  warcraftlogs: "raid rows show Blizzard's kills only",
}

export function outages(characters: readonly Pick<CharacterOverview, 'failingSources' | 'nextSyncAt'>[]): Outage[] {
  return SOURCE_IDS.flatMap((source) => {
    const affected = characters.flatMap((c) => c.failingSources.filter((f) => f.source === source).map((f) => ({ failure: f, nextSyncAt: c.nextSyncAt })))
    if (affected.length === 0) return []
    const times = (values: (number | null)[]) => values.filter((v): v is number => v !== null)
    const since = Math.min(...times(affected.map((a) => a.failure.since)))
    const nextTry = Math.min(...times(affected.map((a) => a.nextSyncAt)))
    return [
      {
        source,
        headline: `${SOURCE_LABELS[source]} is not answering`,
        effect: EFFECT[source],
        characters: affected.length,
        since: Number.isFinite(since) ? since : null,
        nextTry: Number.isFinite(nextTry) ? nextTry : null,
        details: [...new Set(affected.map((a) => a.failure.message))].slice(0, 5),
      },
    ]
  })
}
