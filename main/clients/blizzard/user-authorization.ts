import { z } from 'zod'
import type { Region } from '../../../shared/domain/types.ts'
import { blizzardApiBase, blizzardOauthUrl, type BlizzardConfig } from '../../config.ts'
import type { Http } from '../http.ts'
import { SourceError } from '../source-error.ts'
import { accountProfileWire, type AccountProfileWire } from './wire.ts'

/**
 * The authorization-code flow that lets a player list their own characters (game-rules.md §9):
 * the browser goes to Blizzard's authorize page, Blizzard sends it back to the app's loopback address
 * with a code, the app exchanges the code (with the player's own client id and secret; Blizzard offers
 * no PKCE) for a user token, reads `/profile/user/wow` once and forgets the token (there is no
 * refresh token: importing is a one-off, not a stored login).
 */

/** Blizzard's authorize endpoint: the token endpoint's sibling (`…/token` → `…/authorize`). */
export function authorizeEndpoint(config: BlizzardConfig, region: Region): string {
  return blizzardOauthUrl(config, region).replace(/\/token\/?$/, '/authorize')
}

/** The address the player's browser is sent to. */
export function authorizeUrl(config: BlizzardConfig, region: Region, redirectUri: string, state: string): string {
  const query = new URLSearchParams({ response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, scope: 'wow.profile', state })
  return `${authorizeEndpoint(config, region)}?${query}`
}

const userTokenWire = z.object({ access_token: z.string().min(1), token_type: z.string().optional() })

/** Exchanges the code for a user token (used once, never stored). */
export async function exchangeCode(http: Http, config: BlizzardConfig, region: Region, code: string, redirectUri: string, signal?: AbortSignal): Promise<string> {
  const basic = Buffer.from(`${config.clientId}:${config.clientSecret}`).toString('base64')
  const { body } = await http.json(blizzardOauthUrl(config, region), {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
    schema: userTokenWire,
    signal,
    retry: false,
    classify: (status, errorBody) => {
      const error = (errorBody as { error?: unknown } | null)?.error
      if (status === 400 && error === 'invalid_grant') {
        return new SourceError('blizzard', 'AUTH_FAILED', 'Blizzard did not accept the sign-in (the code expired or the redirect address differs from the one registered on your API client). Try the import again.', { status })
      }
      if (status === 400 || status === 401) return new SourceError('blizzard', 'AUTH_FAILED', `Blizzard rejected the API credentials (HTTP ${status}). Check the client id and secret in Settings.`, { status })
      return undefined
    },
  })
  return body.access_token
}

/** Every character of every WoW account of the signed-in player. */
export async function accountCharacters(http: Http, config: BlizzardConfig, region: Region, userToken: string, signal?: AbortSignal): Promise<AccountProfileWire> {
  const url = `${blizzardApiBase(config, region)}/profile/user/wow?namespace=profile-${region}&locale=en_US`
  const { body } = await http.json(url, {
    headers: { authorization: `Bearer ${userToken}` },
    schema: accountProfileWire,
    signal,
    classify: (status) =>
      status === 401 || status === 403 ? new SourceError('blizzard', 'AUTH_FAILED', `Blizzard refused to list the account's characters (HTTP ${status}). Sign in again and allow access to your World of Warcraft profile.`, { status }) : undefined,
  })
  return body
}
