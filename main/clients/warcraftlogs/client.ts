import { ClientError, GraphQLClient } from 'graphql-request'
import type { z } from 'zod'
import { asciiRealmSlug } from '../../../shared/domain/realm.ts'
import type { CharacterRef } from '../../../shared/domain/types.ts'
import type { WarcraftLogsConfig } from '../../config.ts'
import type { TokenStore } from '../../ports.ts'
import { statusError, type Http } from '../http.ts'
import { createTokenProvider, withToken } from '../oauth.ts'
import { SourceError } from '../source-error.ts'
import { upstreamText, wireIssue } from '../upstream-text.ts'
import { killsInReport, parsesFromZoneRankings, type BossParse, type LoggedKill } from './parse.ts'
import { CHARACTER_WEEK } from './queries.ts'
import { characterWeekWire, rateLimitWire, type CharacterWeekWire } from './wire.ts'

/** Points left this hour, read from `rateLimitData` in every query, so the scheduler can pace itself. */
export interface RateLimitInfo {
  limitPerHour: number
  pointsSpent: number
  pointsLeft: number
  resetsInSeconds: number
  /** When the figures were read (epoch ms). */
  readAt: number
}

/**
 * A character's week from logs, or `found: false` when the character is not on Warcraft Logs (no data,
 * not an error). `parses` is null when the rankings could not be read (the kills still count).
 */
export type WeeklyLogs = { found: false } | { found: true; kills: LoggedKill[]; reportsScanned: number; parses: BossParse[] | null }

export interface WarcraftLogsClient {
  /**
   * Boss kills of the character in reports that end at or after `sinceMs`, and the best parse per boss
   * and difficulty of the current raid zone: one GraphQL document (more only for further report pages).
   */
  characterWeek(ref: CharacterRef, sinceMs: number, signal?: AbortSignal): Promise<WeeklyLogs>
  /** The last rate-limit figures seen, if any query ran. */
  rateLimit(): RateLimitInfo | undefined
}

export interface WarcraftLogsOptions {
  config: WarcraftLogsConfig
  http: Http
  now?: () => number
  /** Reports per page of `recentReports` (1–100), each with its kills: bounds the cost of one request. */
  reportsPerPage?: number
  /** Pages asked for at once once the first page said how many there are. */
  pagesAtOnce?: number
  /** Pages read at most for one character (a bound on cost for a player who logs everything). */
  maxPages?: number
  /** Keeps access tokens across runs (the CLI's owner-only file). */
  tokens?: TokenStore
}

export function createWarcraftLogsClient({ config, http, now = Date.now, reportsPerPage = 25, pagesAtOnce = 3, maxPages = 12, tokens: tokenStore }: WarcraftLogsOptions): WarcraftLogsClient {
  const tokens = createTokenProvider(http, `${config.baseUrl}/oauth/token`, config, now, tokenStore)
  const graphql = new GraphQLClient(`${config.baseUrl}/api/v2/client`, { fetch: http.fetch })
  let lastRateLimit: RateLimitInfo | undefined

  async function query<T>(document: string, variables: Record<string, unknown>, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
    const data = await withToken(tokens, async (token) => {
      try {
        return await graphql.request<unknown>({ document, variables, requestHeaders: { authorization: `Bearer ${token}` }, signal })
      } catch (error) {
        throw toSourceError(error, signal)
      }
    })
    const parsed = schema.safeParse(data)
    if (!parsed.success) {
      throw new SourceError('warcraftlogs', 'MALFORMED_RESPONSE', `Warcraft Logs sent data in an unexpected shape (${wireIssue(parsed.error.issues)}). Nothing was stored.`)
    }
    const rate = rateLimitWire.safeParse((data as { rateLimitData?: unknown }).rateLimitData)
    if (rate.success) {
      const { limitPerHour, pointsSpentThisHour, pointsResetIn } = rate.data
      lastRateLimit = { limitPerHour, pointsSpent: pointsSpentThisHour, pointsLeft: Math.max(0, limitPerHour - pointsSpentThisHour), resetsInSeconds: pointsResetIn, readAt: now() }
    }
    return parsed.data
  }

  function toSourceError(error: unknown, signal?: AbortSignal): SourceError {
    if (error instanceof SourceError) return error
    if (error instanceof ClientError) {
      const { status, errors, headers } = error.response
      if (status >= 400) return statusError('warcraftlogs', status, headers, error.response)
      const first = upstreamText(errors?.[0]?.message ?? 'unknown error')
      // GraphQL errors come with HTTP 200: the query was refused (schema drift or bad input).
      return new SourceError('warcraftlogs', 'UPSTREAM_ERROR', `Warcraft Logs refused the query: ${first}`, { status, cause: error })
    }
    if (error instanceof SyntaxError) {
      return new SourceError('warcraftlogs', 'MALFORMED_RESPONSE', 'Warcraft Logs sent a response that is not valid JSON. Nothing was stored.', { cause: error })
    }
    return http.toSourceError(error, signal)
  }

  const characterVariables = (ref: CharacterRef) => ({ name: ref.name, serverSlug: asciiRealmSlug(ref.realm), serverRegion: ref.region.toUpperCase() })

  return {
    async characterWeek(ref, sinceMs, signal) {
      const page = (n: number) => query(CHARACTER_WEEK, { ...characterVariables(ref), limit: reportsPerPage, page: n, withRankings: n === 1 }, characterWeekWire, signal)
      const first = (await page(1)).characterData.character
      if (!first || first.hidden) return { found: false }
      const pages = [first.recentReports]
      // Read further pages while the oldest report read so far still ends inside the window: a player
      // with many Mythic+ logs has more than one page in a week. Pages after the first go out together.
      let next = 2
      const lastPage = Math.min(first.recentReports?.last_page ?? 1, maxPages)
      while (next <= lastPage && reachesInto(pages.at(-1), sinceMs)) {
        const wave = Array.from({ length: Math.min(pagesAtOnce, lastPage - next + 1) }, (_, i) => next + i)
        next += wave.length
        const answers = await Promise.all(wave.map(page))
        pages.push(...answers.map((a) => a.characterData.character?.recentReports ?? null))
      }
      const inWindow = pages.flatMap((p) => p?.data ?? []).filter((r) => r !== null && r.endTime >= sinceMs) as NonNullable<ReportWire>[]
      const seen = new Set<string>()
      const kills: LoggedKill[] = []
      for (const report of inWindow) {
        // Pages can shift while they are read (a new upload): a report read twice counts once.
        if (seen.has(report.code)) continue
        seen.add(report.code)
        kills.push(...killsInReport(report, ref.name, ref.realm, sinceMs))
      }
      return { found: true, kills, reportsScanned: seen.size, parses: bestParses(first) }
    },

    rateLimit: () => lastRateLimit,
  }
}

type CharacterWire = NonNullable<CharacterWeekWire['characterData']['character']>
type ReportPage = NonNullable<CharacterWire['recentReports']>
type ReportWire = NonNullable<ReportPage['data']>[number]

/** True while a page's oldest report still ends at or after `sinceMs` and more pages exist. */
function reachesInto(page: ReportPage | null | undefined, sinceMs: number): boolean {
  if (!page || !page.has_more_pages) return false
  const ends = (page.data ?? []).filter((r) => r !== null).map((r) => r!.endTime)
  return ends.length > 0 && Math.min(...ends) >= sinceMs
}

/** The best parse per boss of each rankable difficulty, or null when a rankings value is not the known shape. */
function bestParses(character: CharacterWire): BossParse[] | null {
  const parses: BossParse[] = []
  for (const difficulty of ['normal', 'heroic', 'mythic'] as const) {
    const parsed = parsesFromZoneRankings(character[difficulty], difficulty)
    if (!parsed) return null
    parses.push(...parsed)
  }
  return parses
}
