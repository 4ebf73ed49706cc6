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
        classify: (status, errorBody) => (status === 400 ? classifyBadRequest(ref, errorBody) : undefined),
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
      const classify = (status: number, errorBody: unknown) => {
        if (status !== 400) return undefined
        const message = errorWire.safeParse(errorBody).data?.message ?? ''
        const lower = message.toLowerCase()
        if (lower.includes('could not find requested guild') || lower.includes('failed to find realm')) {
          return new SourceError('raiderio', 'UNKNOWN_CHARACTER', `Raider.IO does not know the guild "${guild}" on ${realm} (${region.toUpperCase()}). Check the guild's name and realm.`, { status })
        }
        return new SourceError('raiderio', 'INVALID_INPUT', `Raider.IO rejected the guild request${message ? `: ${message}` : ''}.`, { status })
      }
      const { body } = await http.json(`${config.baseUrl}/api/v1/guilds/profile?${query}`, { schema: guildProfileWire, classify, signal, maxBodyBytes: 4 * 1024 * 1024 })
      return body
    },

    async raidingStaticData(expansionId) {
      const { body } = await http.json(`${config.baseUrl}/api/v1/raiding/static-data?expansion_id=${expansionId}`, { schema: raidingStaticDataWire })
      return body
    },
  }
}

/**
 * Raider.IO answers 400 both for "no such character/realm" and for a malformed request, so the
 * message text decides (api-contracts.md §2.6, as tmaffia/raiderio's mapApiError does).
 */
function classifyBadRequest(ref: CharacterRef, body: unknown): SourceError {
  const message = errorWire.safeParse(body).data?.message ?? ''
  const lower = message.toLowerCase()
  const where = `${ref.name} on ${ref.realm} (${ref.region.toUpperCase()})`
  if (lower.includes('could not find requested character')) {
    return new SourceError('raiderio', 'UNKNOWN_CHARACTER', `Raider.IO does not know ${where}. Check the spelling, or log in once so the armory lists the character.`, { status: 400 })
  }
  if (lower.includes('failed to find realm')) {
    return new SourceError('raiderio', 'UNKNOWN_CHARACTER', `Raider.IO does not know the realm "${ref.realm}" in ${ref.region.toUpperCase()}. Check the realm name.`, { status: 400 })
  }
  return new SourceError('raiderio', 'INVALID_INPUT', `Raider.IO rejected the request for ${where}${message ? `: ${message}` : ''}.`, { status: 400 })
}
