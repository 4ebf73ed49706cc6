import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHttp } from '../../../main/clients/http.ts'
import { createTokenProvider, withToken } from '../../../main/clients/oauth.ts'
import { SourceError } from '../../../main/clients/source-error.ts'
import { BlizzardFake } from '../../fakes/blizzard-fake.ts'

let fake: BlizzardFake
beforeEach(async () => {
  fake = new BlizzardFake()
  await fake.server.start()
})
afterEach(() => fake.server.close())

const http = () => createHttp({ source: 'blizzard', baseDelayMs: 5 })
const credentials = () => ({ clientId: fake.clientId, clientSecret: fake.clientSecret })

describe('OAuth client credentials', () => {
  it('sends HTTP Basic and grant_type=client_credentials as a form', async () => {
    await createTokenProvider(http(), fake.oauthUrl, credentials()).token()
    const [request] = fake.server.requestsTo(/oauth/)
    expect(request?.method).toBe('POST')
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('blizzard-client:blizzard-secret').toString('base64')}`)
    expect(request?.headers['content-type']).toContain('application/x-www-form-urlencoded')
    expect(request?.body).toBe('grant_type=client_credentials')
  })

  it('fetches the token once for many concurrent callers', async () => {
    const tokens = createTokenProvider(http(), fake.oauthUrl, credentials())
    const results = await Promise.all(Array.from({ length: 20 }, () => tokens.token()))
    expect(new Set(results)).toEqual(new Set(['blizzard-token-1']))
    expect(fake.server.requestsTo(/oauth/)).toHaveLength(1)
  })

  it('reuses the token until shortly before expires_in, then fetches a new one', async () => {
    let now = 0
    fake.tokenLifetimeSeconds = 3600
    const tokens = createTokenProvider(http(), fake.oauthUrl, credentials(), () => now)
    expect(await tokens.token()).toBe('blizzard-token-1')
    now = 54 * 60 * 1000
    expect(await tokens.token()).toBe('blizzard-token-1')
    now = 56 * 60 * 1000
    expect(await tokens.token()).toBe('blizzard-token-2')
    expect(fake.server.requestsTo(/oauth/)).toHaveLength(2)
  })

  it('reports rejected credentials at the token endpoint as AUTH_FAILED', async () => {
    const tokens = createTokenProvider(http(), fake.oauthUrl, { clientId: 'blizzard-client', clientSecret: 'wrong' })
    const error = await tokens.token().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect(error).toMatchObject({ code: 'AUTH_FAILED', source: 'blizzard' })
    expect((error as SourceError).message).toContain('Check the client id and secret in Settings')
  })

  it('a failed token request is not cached: the next call tries again', async () => {
    fake.server.failNext(/oauth/, { kind: 'status', status: 401 })
    const tokens = createTokenProvider(http(), fake.oauthUrl, credentials())
    await expect(tokens.token()).rejects.toThrow(SourceError)
    expect(await tokens.token()).toBe('blizzard-token-1')
  })

  it('on 401 drops the token, fetches a new one once and retries the request', async () => {
    const tokens = createTokenProvider(http(), fake.oauthUrl, credentials())
    const seen: string[] = []
    await tokens.token()
    fake.revokeTokens()
    const result = await withToken(tokens, async (token) => {
      seen.push(token)
      if (token === 'blizzard-token-1') throw new SourceError('blizzard', 'AUTH_FAILED', 'expired', { status: 401 })
      return 'ok'
    })
    expect(result).toBe('ok')
    expect(seen).toEqual(['blizzard-token-1', 'blizzard-token-2'])
  })

  it('a second 401 surfaces as credentials rejected, with no third attempt', async () => {
    const tokens = createTokenProvider(http(), fake.oauthUrl, credentials())
    let attempts = 0
    const error = await withToken(tokens, async () => {
      attempts += 1
      throw new SourceError('blizzard', 'AUTH_FAILED', 'no', { status: 401 })
    }).catch((e: unknown) => e)
    expect(attempts).toBe(2)
    expect(error).toMatchObject({ code: 'AUTH_FAILED' })
    expect((error as Error).message).toContain('rejected the API credentials even with a fresh token')
  })
})
