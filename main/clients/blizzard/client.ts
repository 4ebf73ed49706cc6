import { characterNameKey } from '../../../shared/domain/realm.ts'
import type { CharacterRef, Region } from '../../../shared/domain/types.ts'
import { blizzardApiBase, blizzardOauthUrl, type BlizzardConfig } from '../../config.ts'
import type { Http } from '../http.ts'
import { createTokenProvider, withToken, type TokenProvider } from '../oauth.ts'
import type { ResponseCache, TokenStore } from '../../ports.ts'
import { SourceError } from '../source-error.ts'
import type { z } from 'zod'
import { NO_KEYSTONE_RUNS, parseAchievementStatistics, parseCharacterProfile, parseCompletedQuests, parseKeystoneProfile, parseRaidEncounters, type CharacterProfileSummary, type EncounterProgress, type KeystoneProfile, type StatisticValue } from './parse.ts'
import { accountCharacters, authorizeUrl, exchangeCode } from './user-authorization.ts'
import { achievementStatisticsWire, characterProfileWire, completedQuestsWire, guildRosterWire, keystonePeriodWire, keystoneProfileWire, keystoneSeasonIndexWire, raidEncountersWire, type AccountProfileWire, type GuildRosterWire } from './wire.ts'

/** A value from Blizzard and whether it came from a 304 (the stored copy was still current). */
export interface Fetched<T> {
  value: T
  notModified: boolean
}

/** Blizzard WoW Profile API client (REST, OAuth client credentials). `signal` ends a call early. */
export interface BlizzardClient {
  raidEncounters(ref: CharacterRef, signal?: AbortSignal): Promise<Fetched<EncounterProgress[]>>
  keystoneProfile(ref: CharacterRef, signal?: AbortSignal): Promise<KeystoneProfile>
  characterProfile(ref: CharacterRef, signal?: AbortSignal): Promise<CharacterProfileSummary>
  /** Achievement statistics: delves per tier, Heroic and Mythic dungeon completions (game-rules.md §7–§8). */
  achievementStatistics(ref: CharacterRef, signal?: AbortSignal): Promise<Fetched<StatisticValue[]>>
  /** Ids of every quest the character completed (weekly quests drop out after the reset and a logout). */
  completedQuests(ref: CharacterRef, signal?: AbortSignal): Promise<Fetched<number[]>>
  keystonePeriod(region: Region, periodId: number): Promise<{ period: number; start: number; end: number }>
  /** Blizzard's current Mythic+ season id in a region (null when it names none), from the season index. */
  currentKeystoneSeason(region: Region): Promise<number | null>
  /** A guild's members with their rank (0 = guild master), level and class id (game-rules.md §9). */
  guildRoster(region: Region, realmSlug: string, guildSlug: string, signal?: AbortSignal): Promise<GuildRosterWire>
  /** The player's own characters (authorization-code flow, user-authorization.ts). */
  userAuthorization: {
    authorizeUrl(region: Region, redirectUri: string, state: string): string
    /** The code from the redirect → a user token, used once for `accountProfile` and then dropped. */
    exchangeCode(region: Region, code: string, redirectUri: string, signal?: AbortSignal): Promise<string>
    accountProfile(region: Region, userToken: string, signal?: AbortSignal): Promise<AccountProfileWire>
  }
}

export interface BlizzardClientOptions {
  config: BlizzardConfig
  http: Http
  cache?: ResponseCache
  now?: () => number
  /** Keeps access tokens across runs (the CLI's owner-only file). */
  tokens?: TokenStore
}

// English names on every region, so bosses match Raider.IO and Warcraft Logs by name.
const LOCALE = 'en_US'

export function createBlizzardClient({ config, http, cache, now = Date.now, tokens }: BlizzardClientOptions): BlizzardClient {
  // China has its own token host, so tokens are kept per token URL.
  const tokenProviders = new Map<string, TokenProvider>()
  const tokensFor = (region: Region) => {
    const url = blizzardOauthUrl(config, region)
    let provider = tokenProviders.get(url)
    if (!provider) {
      provider = createTokenProvider(http, url, config, now, tokens)
      tokenProviders.set(url, provider)
    }
    return provider
  }

  const characterPath = (ref: CharacterRef) =>
    `${blizzardApiBase(config, ref.region)}/profile/wow/character/${encodeURIComponent(ref.realm)}/${encodeURIComponent(characterNameKey(ref.name))}`
  const profileQuery = (region: Region) => `namespace=profile-${region}&locale=${LOCALE}`
  const authorised = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })
  // Blizzard's 404 covers unknown, new, renamed, transferred and long-inactive characters alike; its
  // 403 "Account Inactive" (recorded) is about the character's account, not our credentials. Only a 404
  // in Blizzard's own error shape (recorded: `{code: 404, type: "BLZWEBAPI…"}`) speaks of the character:
  // any other 404 comes from a wrong address (the default mapping says so).
  const notVisible = (ref: CharacterRef) => (status: number, body: unknown) => {
    const where = `${ref.name} on ${ref.realm} (${ref.region.toUpperCase()})`
    if (status === 404 && isBlizzardError(body)) {
      return new SourceError('blizzard', 'UNKNOWN_CHARACTER', `Blizzard has no visible profile for ${where}. Check the spelling; characters that are new, renamed, transferred or inactive for a long time are hidden.`, { status })
    }
    if (status === 403 && (body as { detail?: unknown } | null)?.detail === 'Account Inactive') {
      return new SourceError('blizzard', 'UNKNOWN_CHARACTER', `Blizzard hides ${where}: its account is inactive.`, { status })
    }
    return undefined
  }

  /**
   * A GET with If-Modified-Since. The cache keeps the raw answer, re-validated on every reuse: a 304
   * must not trust a stored value written by another app version or damaged on disk, and an unusable
   * copy is fetched again unconditionally.
   */
  async function conditionalGet<W, V>(ref: CharacterRef, resource: string, wire: z.ZodType<W>, parse: (body: W) => V, signal?: AbortSignal, maxBodyBytes?: number): Promise<Fetched<V>> {
    const url = `${characterPath(ref)}${resource}?${profileQuery(ref.region)}`
    const cached = cache?.get(url)
    const stored = cached ? wire.safeParse(cached.value) : undefined
    // Validated once here and reused on a 304 (completed quests run to tens of thousands of ids).
    const reusable = cached && stored?.success ? { lastModified: cached.lastModified, body: stored.data } : undefined
    const response = await withToken(tokensFor(ref.region), (token) =>
      http.jsonOrNotModified(url, {
        headers: authorised(token, reusable ? { 'if-modified-since': reusable.lastModified } : {}),
        schema: wire,
        classify: notVisible(ref),
        signal,
        maxBodyBytes,
      }),
    )
    if ('notModified' in response) {
      if (!reusable) throw new SourceError('blizzard', 'MALFORMED_RESPONSE', 'Blizzard answered 304 Not Modified to an unconditional request.')
      return { value: parse(reusable.body), notModified: true }
    }
    const lastModified = response.headers.get('last-modified')
    if (cache && lastModified) cache.set(url, { lastModified, value: response.body })
    return { value: parse(response.body), notModified: false }
  }

  return {
    raidEncounters: (ref, signal) => conditionalGet(ref, '/encounters/raids', raidEncountersWire, parseRaidEncounters, signal),
    achievementStatistics: (ref, signal) => conditionalGet(ref, '/achievements/statistics', achievementStatisticsWire, parseAchievementStatistics, signal),
    // A character with years of history has tens of thousands of completed quests.
    completedQuests: (ref, signal) => conditionalGet(ref, '/quests/completed', completedQuestsWire, parseCompletedQuests, signal, 24 * 1024 * 1024),

    async keystoneProfile(ref, signal) {
      const url = `${characterPath(ref)}/mythic-keystone-profile?${profileQuery(ref.region)}`
      try {
        const { body } = await withToken(tokensFor(ref.region), (token) =>
          http.json(url, { headers: authorised(token), schema: keystoneProfileWire, classify: notVisible(ref), signal }),
        )
        return parseKeystoneProfile(body)
      } catch (error) {
        // Blizzard answers 404 here for characters that never ran a keystone [D]: no runs, not "unknown
        // character" (the encounters and profile requests tell that).
        if (error instanceof SourceError && error.status === 404) return NO_KEYSTONE_RUNS
        throw error
      }
    },

    async characterProfile(ref, signal) {
      const url = `${characterPath(ref)}?${profileQuery(ref.region)}`
      const { body } = await withToken(tokensFor(ref.region), (token) =>
        http.json(url, { headers: authorised(token), schema: characterProfileWire, classify: notVisible(ref), signal }),
      )
      return parseCharacterProfile(body)
    },

    userAuthorization: {
      authorizeUrl: (region, redirectUri, state) => authorizeUrl(config, region, redirectUri, state),
      exchangeCode: (region, code, redirectUri, signal) => exchangeCode(http, config, region, code, redirectUri, signal),
      accountProfile: (region, userToken, signal) => accountCharacters(http, config, region, userToken, signal),
    },

    async guildRoster(region, realmSlug, guildSlug, signal) {
      const url = `${blizzardApiBase(config, region)}/data/wow/guild/${encodeURIComponent(realmSlug)}/${encodeURIComponent(guildSlug)}/roster?${profileQuery(region)}`
      const classify = (status: number, body: unknown) =>
        status === 404 && isBlizzardError(body) ? new SourceError('blizzard', 'UNKNOWN_CHARACTER', `Blizzard knows no guild "${guildSlug}" on ${realmSlug} (${region.toUpperCase()}). Check the guild's name and realm.`, { status }) : undefined
      const { body } = await withToken(tokensFor(region), (token) => http.json(url, { headers: authorised(token), schema: guildRosterWire, classify, signal }))
      return body
    },

    async currentKeystoneSeason(region) {
      const url = `${blizzardApiBase(config, region)}/data/wow/mythic-keystone/season/index?namespace=dynamic-${region}&locale=${LOCALE}`
      const { body } = await withToken(tokensFor(region), (token) => http.json(url, { headers: authorised(token), schema: keystoneSeasonIndexWire, maxBodyBytes: 256 * 1024 }))
      return body.current_season?.id ?? null
    },

    async keystonePeriod(region, periodId) {
      const url = `${blizzardApiBase(config, region)}/data/wow/mythic-keystone/period/${periodId}?namespace=dynamic-${region}&locale=${LOCALE}`
      const { body } = await withToken(tokensFor(region), (token) => http.json(url, { headers: authorised(token), schema: keystonePeriodWire }))
      // Blizzard's end is inclusive at second resolution (the recorded period 641 ends at start +
      // 604 799 s, not − 1 ms as documented); the app uses half-open windows, so round up to the next second.
      return { period: body.id, start: body.start_timestamp, end: Math.floor(body.end_timestamp / 1000) * 1000 + 1000 }
    },
  }
}

/** True for Blizzard's JSON error body (`{code, type: "BLZWEBAPI…", detail}`), as recorded. */
function isBlizzardError(body: unknown): boolean {
  const type = (body as { type?: unknown } | null)?.type
  return typeof type === 'string' && type.startsWith('BLZWEBAPI')
}
