import ky, { HTTPError, TimeoutError, isNetworkError, isTimeoutError, type KyInstance } from 'ky'
import { safeParse, type core } from 'zod'
import type { SourceId } from '../../shared/domain/types.ts'
import { SOURCE_LABELS, utcTime } from '../../shared/domain/labels.ts'
import { abortedByDeadline } from '../abort-reason.ts'
import { BodyTooLargeError, boundedFetch, formatBytes } from './bounded-fetch.ts'
import { rateLimiter, type RateLimit } from './rate-limiter.ts'
import { SourceError, type SourceErrorCode } from './source-error.ts'
import { upstreamText, wireIssue } from './upstream-text.ts'

/**
 * The HTTP layer every source client uses: ky (a well-kept fetch wrapper) does the per-attempt timeout,
 * a total deadline per request (retries and waits included), bounded retries with exponential backoff
 * and full jitter on 408/429/5xx and network errors, and waits for a short `Retry-After`. Every attempt
 * reads the whole body inside its timeout and under a size cap (bounded-fetch.ts). A `Retry-After`
 * (429 or 503) longer than the cap is not sat out: it surfaces as RATE_LIMITED with the time to wait,
 * so the scheduler can back off. Bodies are validated with zod at the edge; anything unexpected becomes
 * a SourceError with a message the player can act on.
 */
export interface HttpOptions {
  source: SourceId
  /** Per attempt, headers and body. */
  timeoutMs?: number
  /** Per request: all attempts, backoff and Retry-After waits together. */
  totalTimeoutMs?: number
  retries?: number
  baseDelayMs?: number
  /** The longest Retry-After honoured; a longer one is reported as RATE_LIMITED instead. */
  maxRetryAfterMs?: number
  /** The largest (decompressed) body accepted unless a request says otherwise. */
  maxBodyBytes?: number
  /**
   * The source's request limits (Blizzard: 100 per second and 36,000 per hour). Every attempt, a retry
   * too, waits for its turn before its own timeout starts, so a burst of characters neither earns a 429
   * nor times out in the queue (rate-limiter.ts); the total deadline counts the waits.
   */
  rateLimits?: readonly RateLimit[]
  fetch?: typeof fetch
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string | URLSearchParams
  /** Any zod schema (the full API or zod/mini). */
  schema: core.$ZodType<T>
  /** Lets a client give a status its own meaning (e.g. Raider.IO's 400 for an unknown character). */
  classify?: (status: number, body: unknown) => SourceError | undefined
  /** Ends the request early (a run's deadline, the app quitting). */
  signal?: AbortSignal
  /** This endpoint's size cap, when it differs from the client's. */
  maxBodyBytes?: number
  /**
   * False for a request that must never be sent twice: an authorization code is single-use, so a retry
   * after an answer that got lost would only earn "invalid_grant". Its failure is reported at once.
   */
  retry?: boolean
}

export type JsonResponse<T> = { status: number; headers: Headers; body: T }

export interface Http {
  source: SourceId
  /** Requests JSON and validates it; throws SourceError. */
  json<T>(url: string, options: RequestOptions<T>): Promise<JsonResponse<T>>
  /** Like json(), but a 304 Not Modified resolves to `notModified` instead of a body. */
  jsonOrNotModified<T>(url: string, options: RequestOptions<T>): Promise<JsonResponse<T> | { status: 304; notModified: true; headers: Headers }>
  /** A fetch with the same deadlines, caps and retries that returns non-2xx responses (for graphql-request). */
  fetch: typeof fetch
  /** Maps any error of a request to a SourceError. */
  toSourceError(error: unknown, signal?: AbortSignal): SourceError
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504]
const DAY_MS = 24 * 60 * 60 * 1000
/** Statuses whose Retry-After is honoured (up to the cap) or else reported as a rate limit. */
const RETRY_AFTER_STATUS = [429, 503]
/** How long a 429 without Retry-After holds the source's requests. */
const DEFAULT_PAUSE_MS = 1000

export function createHttp(options: HttpOptions): Http {
  const { source } = options
  const timeoutMs = options.timeoutMs ?? 10_000
  const totalTimeoutMs = options.totalTimeoutMs ?? Math.max(30_000, timeoutMs)
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000
  const maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024
  const baseDelayMs = options.baseDelayMs ?? 500
  const baseFetch = options.fetch ?? globalThis.fetch
  const queue = rateLimiter(options.rateLimits ?? [])
  const name = SOURCE_LABELS[source]

  /**
   * One attempt: it waits for its turn under the source's limits, then has `timeoutMs` for headers and
   * body (ky's own per-attempt timer would start before the wait). Its place in the limits is held until
   * the answer is in (rate-limiter.ts).
   */
  const attempt =
    (maxBytes: number): typeof fetch =>
    (input, init) => {
      const request = input as Request
      return queue(async () => {
        const timer = AbortSignal.timeout(timeoutMs)
        try {
          return await boundedFetch(baseFetch, maxBytes)(request, { ...init, signal: AbortSignal.any([request.signal, timer]) })
        } catch (error) {
          if (timer.aborted && !request.signal.aborted) throw new TimeoutError(request)
          throw error
        }
      }, request.signal)
    }

  const client: KyInstance = ky.create({
    timeout: false,
    totalTimeout: totalTimeoutMs,
    throwHttpErrors: (status) => status !== 304,
    fetch: attempt(maxBodyBytes),
    hooks: {
      // "Too many requests" is about every request to the source, not this one: all of them wait it out
      // (the source's Retry-After up to the cap, else a second: Blizzard's window, api-contracts §1.2).
      afterResponse: [
        ({ response }) => {
          if (response.status !== 429 && !(response.status === 503 && response.headers.has('retry-after'))) return
          const wait = retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? DEFAULT_PAUSE_MS
          queue.pause(Math.min(wait, maxRetryAfterMs))
        },
      ],
    },
    retry: {
      limit: options.retries ?? 3,
      methods: ['get', 'post'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: RETRY_AFTER_STATUS,
      maxRetryAfter: maxRetryAfterMs,
      delay: (attempt) => baseDelayMs * 2 ** (attempt - 1),
      backoffLimit: 8 * baseDelayMs * 4,
      jitter: true,
      retryOnTimeout: false,
      shouldRetry: ({ error }) => {
        // ky would wait the cap and retry; a longer wait is reported instead of sat out.
        if (error instanceof HTTPError && RETRY_AFTER_STATUS.includes(error.response.status)) {
          const wait = retryAfterMs(error.response.headers.get('retry-after'), Date.now())
          if (wait !== undefined && wait > maxRetryAfterMs) return false
        }
        return undefined
      },
    },
  })

  function toSourceError(error: unknown, signal?: AbortSignal): SourceError {
    if (error instanceof SourceError) return error
    if (signal?.aborted) {
      return new SourceError(source, 'TIMEOUT', abortedByDeadline(signal) ? `${name} was still not done when the sync ran out of time. The next sync will try again.` : `The request to ${name} was cancelled.`, { cause: error })
    }
    if (isTimeoutError(error)) {
      return new SourceError(source, 'TIMEOUT', `${name} did not answer in time (${seconds(timeoutMs)} per try, ${seconds(totalTimeoutMs)} in all). The next sync will try again.`, { cause: error })
    }
    if (error instanceof BodyTooLargeError) {
      return new SourceError(source, 'MALFORMED_RESPONSE', `${name} sent a response larger than ${formatBytes(error.limitBytes)}, far more than it ever should; it was not read and nothing was stored.`, { cause: error })
    }
    if (error instanceof HTTPError) return statusError(source, error.response.status, error.response.headers, error.data)
    if (isNetworkError(error) || error instanceof TypeError) {
      return new SourceError(source, 'UPSTREAM_ERROR', `Could not reach ${name} (${rootMessage(error)}). Check your internet connection.`, { cause: error })
    }
    return new SourceError(source, 'UPSTREAM_ERROR', `${name} request failed: ${rootMessage(error)}`, { cause: error })
  }

  async function send<T>(url: string, request: RequestOptions<T>): Promise<Response> {
    try {
      return await client(url, {
        method: request.method ?? 'GET',
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        ...(request.retry === false ? { retry: 0 } : {}),
        ...(request.maxBodyBytes === undefined ? {} : { fetch: attempt(request.maxBodyBytes) }),
      })
    } catch (error) {
      if (error instanceof HTTPError && request.classify) {
        const special = request.classify(error.response.status, error.data)
        if (special) throw special
      }
      throw toSourceError(error, request.signal)
    }
  }

  async function parse<T>(response: Response, schema: core.$ZodType<T>): Promise<JsonResponse<T>> {
    // The body is already in memory (bounded-fetch.ts): this cannot stall.
    const text = await response.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (cause) {
      const looksLikeHtml = /^\s*</.test(text)
      throw new SourceError(source, 'MALFORMED_RESPONSE', `${name} sent ${looksLikeHtml ? 'a web page' : 'a response that is not valid JSON'} (${text.length} bytes) instead of data. Nothing was stored.`, { cause, status: response.status })
    }
    const parsed = safeParse(schema, json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = wireIssue(parsed.error.issues)
      // A number beyond what the game allows (bounds.ts) is the source's error, and said so.
      const outOfRange = issue?.code === 'too_big' || issue?.code === 'too_small'
      const what = outOfRange ? `a value no game data can have (${where}): an error on its side` : `data in an unexpected shape (${where})`
      throw new SourceError(source, 'MALFORMED_RESPONSE', `${name} sent ${what}. Nothing was stored.`, { status: response.status })
    }
    return { status: response.status, headers: response.headers, body: parsed.data }
  }

  return {
    source,
    toSourceError,
    async json(url, request) {
      const response = await send(url, request)
      if (response.status === 304) throw new SourceError(source, 'MALFORMED_RESPONSE', `${name} answered 304 Not Modified to an unconditional request.`)
      return parse(response, request.schema)
    },
    async jsonOrNotModified(url, request) {
      const response = await send(url, request)
      if (response.status === 304) return { status: 304, notModified: true, headers: response.headers }
      return parse(response, request.schema)
    },
    fetch: ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      client(input instanceof URL ? input.href : (input as string | Request), { ...init, throwHttpErrors: (status: number) => RETRY_STATUS.includes(status) || isRedirect(status) }).catch((error: unknown) => {
        // After the last retry a retryable status is handed back as a response for the caller to map.
        // ky has already read the body into `data`, so the response is rebuilt from it.
        if (error instanceof HTTPError && !isRedirect(error.response.status)) {
          const { status, statusText, headers } = error.response
          const text = typeof error.data === 'string' ? error.data : JSON.stringify(error.data ?? null)
          return new Response(text, { status, statusText, headers })
        }
        throw toSourceError(error, init?.signal ?? undefined)
      })) as typeof fetch,
  }
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400 && status !== 304
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}

/** Milliseconds to wait from a Retry-After header (delay in seconds or an HTTP date), if it has one. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  // Up to 12 digits of seconds: more than any real wait, few enough that the number stays exact.
  if (/^\d{1,12}(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  if (/^\d/.test(trimmed)) return Number.MAX_SAFE_INTEGER
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * The default meaning of an HTTP error status, with a message a player can act on for that source.
 * A 404 here means the address is wrong (a bad base or token URL), not "unknown character": clients
 * that can tell a missing character from a missing page say so themselves (`classify`).
 */
export function statusError(source: SourceId, status: number, headers: Headers, body: unknown): SourceError {
  const name = SOURCE_LABELS[source]
  const detail = bodyMessage(body)
  const suffix = detail ? `: ${detail}` : ''
  const make = (code: SourceErrorCode, message: string, extra: { retryAfterMs?: number } = {}) => new SourceError(source, code, message, { status, ...extra })
  // Raider.IO needs no credentials, so "check your credentials" would send the player the wrong way.
  const keyless = source === 'raiderio'
  if (status === 401) {
    return keyless ? make('UPSTREAM_ERROR', `${name} refused the request (HTTP 401) although it needs no key; the next sync will try again.`) : make('AUTH_FAILED', `${name} rejected the API credentials (HTTP 401). Check the client id and secret in Settings.`)
  }
  if (status === 403) {
    return keyless ? make('UPSTREAM_ERROR', `${name} refused access (HTTP 403${suffix}); it needs no key, so this is on its side or a network filter's.`) : make('AUTH_FAILED', `${name} refused access (HTTP 403${suffix}). Check that the API client in Settings is allowed to use this API.`)
  }
  if (status === 404) return make('BAD_CONFIG', `${name} answered 404 Not Found: the address the app uses for it looks wrong. Check ${configName(source)} (or leave it unset for the default).`)
  if (isRedirect(status)) {
    const to = hostOf(headers.get('location'))
    return make('BAD_CONFIG', `${name} redirected the request${to ? ` to ${to}` : ''} instead of answering, and the app does not follow redirects. Check ${configName(source)} (or leave it unset for the default).`)
  }
  const wait = retryAfterMs(headers.get('retry-after'), Date.now())
  if (status === 429 || (status === 503 && wait !== undefined)) {
    // A source may ask for any wait; past a day it is no time worth showing (nor always a date that exists).
    if (wait !== undefined && wait > DAY_MS) return make('RATE_LIMITED', `${name} asked us to wait more than a day (HTTP ${status}); the next sync will ask again.`, { retryAfterMs: wait })
    const when = wait === undefined ? 'later' : `after ${utcTime(Date.now() + wait)}`
    return make('RATE_LIMITED', `${name} asked us to wait (HTTP ${status}); the next try is ${when}.`, wait === undefined ? {} : { retryAfterMs: wait })
  }
  if (status >= 500) return make('UPSTREAM_ERROR', `${name} had a server problem (HTTP ${status}). The next sync will try again.`)
  if (status === 400) return make('INVALID_INPUT', `${name} rejected the request (HTTP 400${suffix}).`)
  return make('UPSTREAM_ERROR', `${name} answered HTTP ${status}${suffix}.`)
}

/** The setting that points the app at a source, for messages about a wrong address. */
function configName(source: SourceId): string {
  return { blizzard: 'VAULT_BLIZZARD_API_URL and VAULT_BLIZZARD_OAUTH_URL', warcraftlogs: 'VAULT_WCL_URL', raiderio: 'VAULT_RAIDERIO_URL' }[source]
}

function hostOf(location: string | null): string | undefined {
  if (!location) return undefined
  try {
    return new URL(location).host
  } catch {
    return undefined
  }
}

function bodyMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>
    for (const key of ['message', 'detail', 'error_description', 'error']) if (typeof record[key] === 'string') return upstreamText(record[key])
  }
  return undefined
}

function rootMessage(error: unknown): string {
  let current: unknown = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  return upstreamText(current instanceof Error ? current.message : String(current))
}
