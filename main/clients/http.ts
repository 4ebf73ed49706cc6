import ky, { HTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky'
import type { z } from 'zod'
import type { SourceId } from '../../shared/domain/types.ts'
import { SOURCE_LABELS } from '../../shared/domain/labels.ts'
import { SourceError, type SourceErrorCode } from './source-error.ts'

/**
 * The HTTP layer every source client uses: ky (a well-kept fetch wrapper) does the per-request
 * timeout, bounded retries with exponential backoff and full jitter on 408/429/5xx and network
 * errors, and waits for `Retry-After` (seconds or an HTTP date). A wait longer than the cap is not
 * sat out: it surfaces as RATE_LIMITED with the time to wait, so the scheduler can back off.
 * Bodies are validated with zod at the edge; anything unexpected becomes a SourceError.
 */
export interface HttpOptions {
  source: SourceId
  timeoutMs?: number
  retries?: number
  baseDelayMs?: number
  maxRetryAfterMs?: number
  fetch?: typeof fetch
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string | URLSearchParams
  schema: z.ZodType<T>
  /** Lets a client give a status its own meaning (e.g. Raider.IO's 400 for an unknown character). */
  classify?: (status: number, body: unknown) => SourceError | undefined
}

export type JsonResponse<T> = { status: number; headers: Headers; body: T }

export interface Http {
  source: SourceId
  /** Requests JSON and validates it; throws SourceError. */
  json<T>(url: string, options: RequestOptions<T>): Promise<JsonResponse<T>>
  /** Like json(), but a 304 Not Modified resolves to `notModified` instead of a body. */
  jsonOrNotModified<T>(url: string, options: RequestOptions<T>): Promise<JsonResponse<T> | { status: 304; notModified: true; headers: Headers }>
  /** A fetch with the same timeout and retries that returns non-2xx responses (for graphql-request). */
  fetch: typeof fetch
  /** Maps any error of a request to a SourceError. */
  toSourceError(error: unknown): SourceError
}

const RETRY_STATUS = [408, 429, 500, 502, 503, 504]

export function createHttp(options: HttpOptions): Http {
  const { source } = options
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000
  const baseDelayMs = options.baseDelayMs ?? 500
  const name = SOURCE_LABELS[source]

  const client: KyInstance = ky.create({
    timeout: timeoutMs,
    throwHttpErrors: (status) => status !== 304,
    fetch: options.fetch,
    retry: {
      limit: options.retries ?? 3,
      methods: ['get', 'post'],
      statusCodes: RETRY_STATUS,
      afterStatusCodes: [429, 503],
      maxRetryAfter: maxRetryAfterMs,
      delay: (attempt) => baseDelayMs * 2 ** (attempt - 1),
      backoffLimit: 8 * baseDelayMs * 4,
      jitter: true,
      retryOnTimeout: false,
      shouldRetry: ({ error }) => {
        // Refuse to sit out a long rate-limit window; report it instead.
        if (error instanceof HTTPError && error.response.status === 429) {
          const wait = retryAfterMs(error.response.headers.get('retry-after'), Date.now())
          if (wait !== undefined && wait > maxRetryAfterMs) return false
        }
        return undefined
      },
    },
  })

  function toSourceError(error: unknown): SourceError {
    if (error instanceof SourceError) return error
    if (isTimeoutError(error)) {
      return new SourceError(source, 'TIMEOUT', `${name} did not answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}. The next sync will try again.`, { cause: error })
    }
    if (error instanceof HTTPError) return statusError(source, error.response.status, error.response.headers, error.data)
    if (isNetworkError(error) || error instanceof TypeError) {
      return new SourceError(source, 'UPSTREAM_ERROR', `Could not reach ${name} (${rootMessage(error)}). Check your internet connection.`, { cause: error })
    }
    return new SourceError(source, 'UPSTREAM_ERROR', `${name} request failed: ${rootMessage(error)}`, { cause: error })
  }

  async function send<T>(url: string, request: RequestOptions<T>): Promise<Response> {
    try {
      return await client(url, { method: request.method ?? 'GET', headers: request.headers, body: request.body })
    } catch (error) {
      if (error instanceof HTTPError && request.classify) {
        const special = request.classify(error.response.status, error.data)
        if (special) throw special
      }
      throw toSourceError(error)
    }
  }

  async function parse<T>(response: Response, schema: z.ZodType<T>): Promise<JsonResponse<T>> {
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw toSourceError(error)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (cause) {
      throw new SourceError(source, 'MALFORMED_RESPONSE', `${name} sent a response that is not valid JSON (${text.length} bytes). Nothing was stored.`, { cause, status: response.status })
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape'
      throw new SourceError(source, 'MALFORMED_RESPONSE', `${name} sent data in an unexpected shape (${where}). Nothing was stored.`, { status: response.status })
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
      client(input instanceof URL ? input.href : (input as string | Request), { ...init, throwHttpErrors: (status: number) => RETRY_STATUS.includes(status) }).catch((error: unknown) => {
        // After the last retry a retryable status is handed back as a response for the caller to map.
        // ky has already read the body into `data`, so the response is rebuilt from it.
        if (error instanceof HTTPError) {
          const { status, statusText, headers } = error.response
          const text = typeof error.data === 'string' ? error.data : JSON.stringify(error.data ?? null)
          return new Response(text, { status, statusText, headers })
        }
        throw error
      })) as typeof fetch,
  }
}

/** Milliseconds to wait from a Retry-After header (delay in seconds or an HTTP date), if it has one. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** The default meaning of an HTTP error status, with a message a player can act on. */
export function statusError(source: SourceId, status: number, headers: Headers, body: unknown): SourceError {
  const name = SOURCE_LABELS[source]
  const detail = bodyMessage(body)
  const suffix = detail ? `: ${detail}` : ''
  const make = (code: SourceErrorCode, message: string, extra: { retryAfterMs?: number } = {}) => new SourceError(source, code, message, { status, ...extra })
  if (status === 401) return make('AUTH_FAILED', `${name} rejected the API credentials (HTTP 401). Check the client id and secret in Settings.`)
  if (status === 403) return make('AUTH_FAILED', `${name} refused access (HTTP 403${suffix}).`)
  if (status === 404) return make('UNKNOWN_CHARACTER', `${name} does not know this character (HTTP 404). Check the realm and name; new, renamed, transferred or long-inactive characters can be missing.`)
  if (status === 429) {
    const wait = retryAfterMs(headers.get('retry-after'), Date.now())
    const when = wait === undefined ? 'later' : `in ${Math.ceil(wait / 1000)} s`
    return make('RATE_LIMITED', `${name} is limiting requests; try again ${when}.`, wait === undefined ? {} : { retryAfterMs: wait })
  }
  if (status >= 500) return make('UPSTREAM_ERROR', `${name} had a server problem (HTTP ${status}). The next sync will try again.`)
  if (status === 400) return make('INVALID_INPUT', `${name} rejected the request (HTTP 400${suffix}).`)
  return make('UPSTREAM_ERROR', `${name} answered HTTP ${status}${suffix}.`)
}

function bodyMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>
    for (const key of ['message', 'detail', 'error_description', 'error']) if (typeof record[key] === 'string') return record[key]
  }
  return undefined
}

function rootMessage(error: unknown): string {
  let current: unknown = error
  while (current instanceof Error && current.cause instanceof Error) current = current.cause
  return current instanceof Error ? current.message : String(current)
}
