import { ClientError, GraphQLClient } from 'graphql-request'
import type { z } from 'zod'
import { asciiRealmSlug } from '../../../shared/domain/realm.ts'
import type { CharacterRef } from '../../../shared/domain/types.ts'
import type { WarcraftLogsConfig } from '../../config.ts'
import { statusError, type Http } from '../http.ts'
import { createTokenProvider, withToken } from '../oauth.ts'
import { SourceError } from '../source-error.ts'
import { killsInReport, parsesFromZoneRankings, type BossParse, type LoggedKill } from './parse.ts'
import { CHARACTER_REPORT_KILLS, ZONE_PARSES } from './queries.ts'
import { characterReportKillsWire, rateLimitWire, zoneParsesWire, type CharacterReportKillsWire } from './wire.ts'

/** Points left this hour, read from `rateLimitData` in every query, so the scheduler can pace itself. */
export interface RateLimitInfo {
  limitPerHour: number
  pointsSpent: number
  pointsLeft: number
  resetsInSeconds: number
  /** When the figures were read (epoch ms). */
  readAt: number
}

/** Kills from logs, or `found: false` when the character is not on Warcraft Logs (no data, not an error). */
export type LoggedKillsResult = { found: false } | { found: true; kills: LoggedKill[]; reportsScanned: number }
export type ParsesResult = { found: false } | { found: true; parses: BossParse[] }

export interface WarcraftLogsClient {
  /** Boss kills of the character in reports that end at or after `sinceMs`. */
  killsSince(ref: CharacterRef, sinceMs: number, signal?: AbortSignal): Promise<LoggedKillsResult>
  /** Best parse percent per boss and difficulty in the current raid zone. */
  bestParses(ref: CharacterRef, signal?: AbortSignal): Promise<ParsesResult>
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
}

export function createWarcraftLogsClient({ config, http, now = Date.now, reportsPerPage = 25, pagesAtOnce = 3, maxPages = 12 }: WarcraftLogsOptions): WarcraftLogsClient {
  const tokens = createTokenProvider(http, `${config.baseUrl}/oauth/token`, config, now)
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
      const issue = parsed.error.issues[0]
      throw new SourceError('warcraftlogs', 'MALFORMED_RESPONSE', `Warcraft Logs sent data in an unexpected shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}). Nothing was stored.`)
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
      const first = errors?.[0]?.message ?? 'unknown error'
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
    async killsSince(ref, sinceMs, signal) {
      const page = (n: number) => query(CHARACTER_REPORT_KILLS, { ...characterVariables(ref), limit: reportsPerPage, page: n }, characterReportKillsWire, signal)
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
      return { found: true, kills, reportsScanned: seen.size }
    },

    async bestParses(ref, signal) {
      const { characterData } = await query(ZONE_PARSES, characterVariables(ref), zoneParsesWire, signal)
      const character = characterData.character
      if (!character || character.hidden) return { found: false }
      const parses: BossParse[] = []
      for (const difficulty of ['normal', 'heroic', 'mythic'] as const) {
        const parsed = parsesFromZoneRankings(character[difficulty], difficulty)
        if (!parsed) throw new SourceError('warcraftlogs', 'MALFORMED_RESPONSE', `Warcraft Logs sent ${difficulty} rankings in an unexpected shape. Nothing was stored.`)
        parses.push(...parsed)
      }
      return { found: true, parses }
    },

    rateLimit: () => lastRateLimit,
  }
}

type ReportPage = NonNullable<NonNullable<CharacterReportKillsWire['characterData']['character']>['recentReports']>
type ReportWire = NonNullable<ReportPage['data']>[number]

/** True while a page's oldest report still ends at or after `sinceMs` and more pages exist. */
function reachesInto(page: ReportPage | null | undefined, sinceMs: number): boolean {
  if (!page || !page.has_more_pages) return false
  const ends = (page.data ?? []).filter((r) => r !== null).map((r) => r!.endTime)
  return ends.length > 0 && Math.min(...ends) >= sinceMs
}
