import { asciiRealmSlug } from '../../../shared/domain/realm.ts'
import type { KnownPeriod } from '../../../shared/domain/reset.ts'
import type { CharacterRef } from '../../../shared/domain/types.ts'
import type { RaiderIoConfig } from '../../config.ts'
import type { Http, RequestOptions } from '../http.ts'
import { SourceError } from '../source-error.ts'
import { upstreamText } from '../upstream-text.ts'
import type { LiveSeason } from '../../../shared/domain/live-season.ts'
import { parseCharacterProfile, parsePeriods, parseSeasons, type RaiderIoProfile } from './parse.ts'
import { characterProfileWire, errorWire, guildProfileWire, mythicPlusStaticDataWire, periodsWire, raidingStaticDataWire, type GuildProfileWire, type RaidingStaticDataWire } from './wire.ts'

/** Raider.IO public API client (REST; an access key is optional). `signal` ends a call early. */
export interface RaiderIoClient {
  characterProfile(ref: CharacterRef, signal?: AbortSignal): Promise<RaiderIoProfile>
  periods(): Promise<KnownPeriod[]>
  /** The expansion's raids; null when Raider.IO does not know the expansion (yet). */
  raidingStaticData(expansionId: number): Promise<RaidingStaticDataWire | null>
  /** The expansion's Mythic+ seasons with their dates per region; null when Raider.IO does not know the expansion (yet). */
  mythicPlusSeasons(expansionId: number): Promise<LiveSeason[] | null>
  /** A guild's members with their rank (no levels), for importing without Blizzard credentials. */
  guildMembers(region: CharacterRef['region'], realm: string, guild: string, signal?: AbortSignal): Promise<GuildProfileWire>
}

const PROFILE_FIELDS = [
  'mythic_plus_weekly_highest_level_runs',
  'mythic_plus_previous_weekly_highest_level_runs',
  'mythic_plus_scores_by_season:current',
  'raid_progression',
  // The guild for the team view's filter when Blizzard's profile is not available (same request).
  'guild',
].join(',')

export function createRaiderIoClient(config: RaiderIoConfig, http: Http): RaiderIoClient {
  /** An address of Raider.IO's API, with the player's access key when there is one. */
  const address = (path: string, query: Record<string, string> = {}) => {
    const params = new URLSearchParams(query)
    if (config.accessKey) params.set('access_key', config.accessKey)
    const search = params.toString()
    return `${config.baseUrl}/api/v1/${path}${search ? `?${search}` : ''}`
  }
  // Raider.IO needs no key: with one, a 401 or 403 is about the key the player gave.
  const keyed = (classify?: (status: number, body: unknown) => SourceError | undefined) => (status: number, body: unknown) =>
    config.accessKey && (status === 401 || status === 403) ? keyRefused(status) : classify?.(status, body)
  const json = <T>(url: string, options: RequestOptions<T>) => http.json(url, { ...options, classify: keyed(options.classify) })
  return {
    async characterProfile(ref, signal) {
      const { body } = await json(address('characters/profile', { region: ref.region, realm: asciiRealmSlug(ref.realm), name: ref.name, fields: PROFILE_FIELDS }), {
        schema: characterProfileWire,
        classify: (status, errorBody) => (status === 400 ? characterBadRequest(ref, errorBody) : undefined),
        signal,
        maxBodyBytes: 2 * 1024 * 1024,
      })
      return parseCharacterProfile(body)
    },

    async periods() {
      const { body } = await json(address('periods'), { schema: periodsWire, maxBodyBytes: 256 * 1024 })
      return parsePeriods(body)
    },

    async guildMembers(region, realm, guild, signal) {
      const where = `the guild "${guild}" on ${realm} (${region.toUpperCase()})`
      const notFound = `Raider.IO does not know ${where}. Check the guild's name and realm.`
      const classify = (status: number, errorBody: unknown) =>
        status === 400 ? classifyBadRequest(errorBody, where, [['could not find requested guild', notFound], ['failed to find realm', notFound]]) : undefined
      const { body } = await json(address('guilds/profile', { region, realm: asciiRealmSlug(realm), name: guild, fields: 'members' }), { schema: guildProfileWire, classify, signal, maxBodyBytes: 4 * 1024 * 1024 })
      return body
    },

    raidingStaticData: (expansionId) => unlessUnknownExpansion(() => json(address('raiding/static-data', { expansion_id: String(expansionId) }), { schema: raidingStaticDataWire, classify: expansionBadRequest }).then((r) => r.body)),

    mythicPlusSeasons: (expansionId) =>
      unlessUnknownExpansion(async () => {
        const { body } = await json(address('mythic-plus/static-data', { expansion_id: String(expansionId) }), { schema: mythicPlusStaticDataWire, classify: expansionBadRequest, maxBodyBytes: 1024 * 1024 })
        const seasons = parseSeasons(body)
        if (!seasons) throw new SourceError('raiderio', 'MALFORMED_RESPONSE', "Raider.IO's season list has a date that is not a date.")
        return seasons
      }),
  }
}

function keyRefused(status: number): SourceError {
  return new SourceError('raiderio', 'AUTH_FAILED', `Raider.IO refused the access key (HTTP ${status}). Check the key in Settings (or VAULT_RAIDERIO_ACCESS_KEY), or remove it: Raider.IO works without one.`, { status })
}

/** A character request's 400: which character or realm Raider.IO does not know, else a rejected request. */
function characterBadRequest(ref: CharacterRef, body: unknown): SourceError {
  const where = `${ref.name} on ${ref.realm} (${ref.region.toUpperCase()})`
  return classifyBadRequest(body, where, [
    ['could not find requested character', `Raider.IO does not know ${where}. Check the spelling, or log in once so the armory lists the character.`],
    ['failed to find realm', `Raider.IO does not know the realm "${ref.realm}" in ${ref.region.toUpperCase()}. Check the realm name.`],
  ])
}

/**
 * Raider.IO answers 400 both for "no such character/guild/realm" and for a malformed request, so the
 * message text decides (api-contracts.md §2.6, as tmaffia/raiderio's mapApiError does): the first
 * phrase found means "not known" with its message; anything else is a rejected request for `what`.
 */
function classifyBadRequest(body: unknown, what: string, notKnown: readonly (readonly [phrase: string, message: string])[]): SourceError {
  const message = upstreamText(errorWire.safeParse(body).data?.message ?? '')
  const lower = message.toLowerCase()
  const known = notKnown.find(([phrase]) => lower.includes(phrase))
  if (known) return new SourceError('raiderio', 'UNKNOWN_CHARACTER', known[1], { status: 400 })
  return new SourceError('raiderio', 'INVALID_INPUT', `Raider.IO rejected the request for ${what}${message ? `: ${message}` : ''}.`, { status: 400 })
}

/** Raider.IO's answer for an expansion it does not have yet (api-contracts.md §2.4: 400 "Requested unsupported expansion_id"). */
class UnknownExpansion extends SourceError {}

function expansionBadRequest(status: number, body: unknown): SourceError | undefined {
  if (status !== 400) return undefined
  const message = upstreamText(errorWire.safeParse(body).data?.message ?? '')
  if (message.toLowerCase().includes('unsupported expansion')) return new UnknownExpansion('raiderio', 'INVALID_INPUT', message, { status })
  return classifyBadRequest(body, 'season data', [])
}

/** An expansion Raider.IO does not know yet is an answer (nothing there), not a failure. */
async function unlessUnknownExpansion<T>(request: () => Promise<T>): Promise<T | null> {
  try {
    return await request()
  } catch (error) {
    if (error instanceof UnknownExpansion) return null
    throw error
  }
}
