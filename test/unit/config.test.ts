import { describe, expect, it } from 'vitest'
import { blizzardApiBase, blizzardOauthUrl, readSourcesConfig } from '../../main/config.ts'

describe('sources configuration', () => {
  it('uses the public defaults and marks sources without credentials as not configured', () => {
    expect(readSourcesConfig({})).toEqual({ blizzard: null, warcraftlogs: null, raiderio: { baseUrl: 'https://raider.io' } })
  })

  it('reads every VAULT_* variable', () => {
    const config = readSourcesConfig({
      VAULT_BLIZZARD_CLIENT_ID: 'b-id', VAULT_BLIZZARD_CLIENT_SECRET: 'b-secret',
      VAULT_BLIZZARD_API_URL: 'http://127.0.0.1:9/{region}/', VAULT_BLIZZARD_OAUTH_URL: 'http://127.0.0.1:9/token',
      VAULT_WCL_CLIENT_ID: 'w-id', VAULT_WCL_CLIENT_SECRET: 'w-secret', VAULT_WCL_URL: 'http://127.0.0.1:8/',
      VAULT_RAIDERIO_URL: 'http://127.0.0.1:7',
    })
    expect(config).toEqual({
      blizzard: { clientId: 'b-id', clientSecret: 'b-secret', apiUrlTemplate: 'http://127.0.0.1:9/{region}/', oauthUrl: 'http://127.0.0.1:9/token' },
      warcraftlogs: { clientId: 'w-id', clientSecret: 'w-secret', baseUrl: 'http://127.0.0.1:8' },
      raiderio: { baseUrl: 'http://127.0.0.1:7' },
    })
    expect(blizzardApiBase(config.blizzard!, 'eu')).toBe('http://127.0.0.1:9/eu')
  })

  it("reads Raider.IO's optional access key, and refuses one that could not be a key (it goes into every address)", () => {
    expect(readSourcesConfig({ VAULT_RAIDERIO_ACCESS_KEY: ' RIOabc_12-x ' }).raiderio).toEqual({ baseUrl: 'https://raider.io', accessKey: 'RIOabc_12-x' })
    expect(readSourcesConfig({ VAULT_RAIDERIO_ACCESS_KEY: '  ' }).raiderio).toEqual({ baseUrl: 'https://raider.io' })
    expect(() => readSourcesConfig({ VAULT_RAIDERIO_ACCESS_KEY: 'abc&region=eu' })).toThrow(/not a Raider.IO access key/)
  })

  it('lets the environment win over stored credentials, and falls back to them', () => {
    const stored = { blizzard: { clientId: 'saved-id', clientSecret: 'saved-secret' }, warcraftlogs: { clientId: 'w', clientSecret: 'x' } }
    const config = readSourcesConfig({ VAULT_BLIZZARD_CLIENT_ID: 'env-id', VAULT_BLIZZARD_CLIENT_SECRET: 'env-secret' }, stored)
    expect(config.blizzard).toMatchObject({ clientId: 'env-id', clientSecret: 'env-secret' })
    expect(config.warcraftlogs).toMatchObject({ clientId: 'w', clientSecret: 'x' })
  })

  it('needs both id and secret; blank values count as missing', () => {
    expect(readSourcesConfig({ VAULT_BLIZZARD_CLIENT_ID: 'id' }).blizzard).toBeNull()
    expect(readSourcesConfig({ VAULT_WCL_CLIENT_ID: '  ', VAULT_WCL_CLIENT_SECRET: 's' }).warcraftlogs).toBeNull()
  })

  it('uses the region host by default and China\'s own hosts for cn', () => {
    const { blizzard } = readSourcesConfig({ VAULT_BLIZZARD_CLIENT_ID: 'id', VAULT_BLIZZARD_CLIENT_SECRET: 's' })
    expect(blizzardApiBase(blizzard!, 'kr')).toBe('https://kr.api.blizzard.com')
    expect(blizzardApiBase(blizzard!, 'cn')).toBe('https://gateway.battlenet.com.cn')
    expect(blizzardOauthUrl(blizzard!, 'us')).toBe('https://oauth.battle.net/token')
    expect(blizzardOauthUrl(blizzard!, 'cn')).toBe('https://www.battlenet.com.cn/oauth/token')
  })
})
