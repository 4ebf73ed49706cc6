import { asciiRealmSlug } from '../../../shared/domain/realm.ts'
import type { KnownPeriod } from '../../../shared/domain/reset.ts'
import type { CharacterRef } from '../../../shared/domain/types.ts'
import type { RaiderIoConfig } from '../../config.ts'
import type { Http } from '../http.ts'
import { SourceError } from '../source-error.ts'
import { parseCharacterProfile, parsePeriods, type RaiderIoProfile } from './parse.ts'
import { characterProfileWire, errorWire, guildProfileWire, periodsWire, raidingStaticDataWire, type GuildProfileWire, type RaidingStaticDataWire } from './wire.ts'

/** Raider.IO public API client (REST, no key). `signal` ends a call early. */
export interface RaiderIoClient {
  characterProfile(ref: CharacterRef, signal?: AbortSignal): Promise<RaiderIoProfile>
  periods(): Promise<KnownPeriod[]>
  raidingStaticData(expansionId: number): Promise<RaidingStaticDataWire>
  /** A guild's members with their rank (no levels), for importing without Blizzard credentials. */
  guildMembers(region: CharacterRef['region'], realm: string, guild: string, signal?: AbortSignal): Promise<GuildProfileWire>
}

const PROFILE_FIELDS = [
  'mythic_plus_weekly_highest_level_runs',
  'mythic_plus_previous_weekly_highest_level_runs',
  'mythic_plus_scores_by_season:current',
  'raid_progression',
].join(',')

export function createRaiderIoClient(config: RaiderIoConfig, http: Http): RaiderIoClient {
  return {
    async characterProfile(ref, signal) {
      const query = new URLSearchParams({ region: ref.region, realm: asciiRealmSlug(ref.realm), name: ref.name, fields: PROFILE_FIELDS })
      const { body } = await http.json(`${config.baseUrl}/api/v1/characters/profile?${query}`, {
        schema: characterProfileWire,
        classify: (status, errorBody) => (status === 400 ? characterBadRequest(ref, errorBody) : undefined),
        signal,
        maxBodyBytes: 2 * 1024 * 1024,
      })
      return parseCharacterProfile(body)
    },

    async periods() {
      const { body } = await http.json(`${config.baseUrl}/api/v1/periods`, { schema: periodsWire, maxBodyBytes: 256 * 1024 })
      return parsePeriods(body)
    },

    async guildMembers(region, realm, guild, signal) {
      const query = new URLSearchParams({ region, realm: asciiRealmSlug(realm), name: guild, fields: 'members' })
      const where = `the guild "${guild}" on ${realm} (${region.toUpperCase()})`
      const notFound = `Raider.IO does not know ${where}. Check the guild's name and realm.`
      const classify = (status: number, errorBody: unknown) =>
        status === 400 ? classifyBadRequest(errorBody, where, [['could not find requested guild', notFound], ['failed to find realm', notFound]]) : undefined
      const { body } = await http.json(`${config.baseUrl}/api/v1/guilds/profile?${query}`, { schema: guildProfileWire, classify, signal, maxBodyBytes: 4 * 1024 * 1024 })
      return body
    },

    async raidingStaticData(expansionId) {
      const { body } = await http.json(`${config.baseUrl}/api/v1/raiding/static-data?expansion_id=${expansionId}`, { schema: raidingStaticDataWire })
      return body
    },
  }
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
  const message = errorWire.safeParse(body).data?.message ?? ''
  const lower = message.toLowerCase()
  const known = notKnown.find(([phrase]) => lower.includes(phrase))
  if (known) return new SourceError('raiderio', 'UNKNOWN_CHARACTER', known[1], { status: 400 })
  return new SourceError('raiderio', 'INVALID_INPUT', `Raider.IO rejected the request for ${what}${message ? `: ${message}` : ''}.`, { status: 400 })
}
