import { z } from 'zod'
import type { ClientCredentials } from '../config.ts'
import type { StoredToken, TokenStore } from '../ports.ts'
import type { Http } from './http.ts'
import { SOURCE_LABELS } from '../../shared/domain/labels.ts'
import { SourceError } from './source-error.ts'

/** A cached OAuth client-credentials token. */
export interface TokenProvider {
  /** A valid token: the cached one, or a fresh one (concurrent callers share one request). */
  token(): Promise<string>
  /** Drops `token` if it is still the cached one (after the API answered 401 to it). */
  invalidate(token: string): void
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
})

/** Renew this long before `expires_in` runs out, so a token never expires mid-sync. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000

/**
 * OAuth 2 client-credentials flow (Blizzard, Warcraft Logs): HTTP Basic with the client id and secret,
 * form body `grant_type=client_credentials`. The token is cached until shortly before it expires.
 */
export function createTokenProvider(http: Http, tokenUrl: string, credentials: ClientCredentials, now: () => number = Date.now, store?: TokenStore): TokenProvider {
  // A token belongs to the client and the token endpoint; the secret is not part of the key.
  const storeKey = `${tokenUrl} ${credentials.clientId}`
  let cached: StoredToken | undefined = store?.get(storeKey)
  let inFlight: Promise<string> | undefined
  const name = SOURCE_LABELS[http.source]

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64')
    const { body } = await http.json(tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
      schema: tokenResponse,
      classify: (status) => {
        if (status === 400 || status === 401 || status === 403) {
          return new SourceError(http.source, 'AUTH_FAILED', `${name} rejected the API credentials (HTTP ${status}). Check the client id and secret in Settings.`, { status })
        }
        // No token endpoint there: the configured token address is wrong, whatever the credentials.
        if (status === 404) return new SourceError(http.source, 'BAD_CONFIG', `${name}'s token address ${tokenUrl} answered 404 Not Found. Check the token URL setting (or leave it unset for the default).`, { status })
        return undefined
      },
    })
    const lifetimeMs = body.expires_in * 1000
    cached = { token: body.access_token, expiresAt: now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) }
    store?.set(storeKey, cached)
    return body.access_token
  }

  return {
    token() {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token)
      inFlight ??= fetchToken().finally(() => {
        inFlight = undefined
      })
      return inFlight
    },
    invalidate(token) {
      if (cached?.token === token) {
        cached = undefined
        store?.set(storeKey, undefined)
      }
    },
  }
}

/**
 * Runs an authorised request; on 401 the token is dropped and fetched once more, and a second 401
 * surfaces as "credentials rejected".
 */
export async function withToken<T>(tokens: TokenProvider, request: (token: string) => Promise<T>): Promise<T> {
  const first = await tokens.token()
  try {
    return await request(first)
  } catch (error) {
    if (!(error instanceof SourceError && error.status === 401)) throw error
    tokens.invalidate(first)
  }
  const second = await tokens.token()
  try {
    return await request(second)
  } catch (error) {
    if (error instanceof SourceError && error.status === 401) {
      throw new SourceError(error.source, 'AUTH_FAILED', `${SOURCE_LABELS[error.source]} rejected the API credentials even with a fresh token. Check the client id and secret in Settings.`, { status: 401 })
    }
    throw error
  }
}
