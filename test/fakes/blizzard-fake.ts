import { basicCredentials, bearerToken, FakeServer, type LoggedRequest, type Reply } from './fake-server.ts'
import { fixture } from './fixtures.ts'

/** What the fake knows of one character; absent parts answer 404 like Blizzard. */
export interface BlizzardCharacterData {
  encounters?: unknown
  keystone?: unknown
  profile?: unknown
  /** achievements/statistics */
  statistics?: unknown
  /** quests/completed */
  quests?: unknown
  /** Sent as Last-Modified; a request with a matching If-Modified-Since gets 304. */
  lastModified?: string
}

/**
 * Fake Blizzard API and OAuth server on 127.0.0.1, speaking the recorded wire format. Point
 * VAULT_BLIZZARD_API_URL at `${url}/{region}` and VAULT_BLIZZARD_OAUTH_URL at `${url}/oauth/token`.
 */
export class BlizzardFake {
  readonly server: FakeServer
  readonly characters = new Map<string, BlizzardCharacterData>()
  readonly periods = new Map<number, unknown>([[641, fixture('blizzard-mythic-keystone-period.641-us.json')]])
  /** Blizzard's current Mythic+ season per region (the season index); a region not here answers 404. */
  readonly currentSeason = new Map<string, number>([['us', 18], ['eu', 18]])
  clientId = 'blizzard-client'
  clientSecret = 'blizzard-secret'
  tokenLifetimeSeconds = 86_399
  /** When set, more API requests than this in any second get Blizzard's 429, as the documented limit says. */
  maxPerSecond: number | undefined
  /** The 429s that limit produced. */
  throttled = 0
  /** The signed-in player's WoW accounts (`/profile/user/wow`), per region. */
  readonly accounts = new Map<string, unknown>()
  /** Guild rosters by `region/realm-slug/guild-slug`. */
  readonly guilds = new Map<string, unknown>()
  /** What the player does on the authorize page: allow, decline, or leave. */
  consent: 'allow' | 'deny' | 'ignore' = 'allow'
  /** Authorization codes issued, with the redirect URI they were issued for (exchange must repeat it). */
  private readonly codes = new Map<string, string>()
  private readonly userTokens = new Map<string, string>()
  private readonly recent: number[] = []
  private readonly validTokens = new Set<string>()
  private issued = 0

  constructor() {
    this.server = new FakeServer((request) => this.route(request))
  }

  get apiUrlTemplate(): string {
    return `${this.server.url}/{region}`
  }

  get oauthUrl(): string {
    return `${this.server.url}/oauth/token`
  }

  /**
   * Registers a character by region, realm slug and lower-cased name. As in the game, a character's
   * details change only through a session: new details with the same login get a login 1 ms later
   * (the sync reuses details while the login stays the same). `characters.set` skips that rule.
   */
  setCharacter(region: string, realm: string, name: string, data: BlizzardCharacterData): void {
    const key = `${region}/${realm}/${name.toLowerCase()}`
    const before = this.characters.get(key)
    this.characters.set(key, before && detailsDiffer(before, data) ? withLaterLogin(data, loginOf(before)) : data)
  }

  /** What a character was registered with (to change one part of it). */
  character(region: string, realm: string, name: string): BlizzardCharacterData | undefined {
    return this.characters.get(`${region}/${realm}/${name.toLowerCase()}`)
  }

  /** Makes every issued token invalid, as an expired or revoked token would be. */
  revokeTokens(): void {
    this.validTokens.clear()
  }

  get tokensIssued(): number {
    return this.issued
  }

  /** Registers the characters a signed-in player has in a region (`wow_accounts` as Blizzard sends it). */
  setAccount(region: string, body: unknown): void {
    this.accounts.set(region, body)
  }

  setGuild(region: string, realm: string, guild: string, body: unknown): void {
    this.guilds.set(`${region}/${realm}/${guild}`, body)
  }

  get authorizeUrl(): string {
    return `${this.server.url}/oauth/authorize`
  }

  private route(request: LoggedRequest): Reply {
    if (request.path === '/oauth/token') return this.token(request)
    if (request.path === '/oauth/authorize') return this.authorize(request)
    if (this.maxPerSecond !== undefined) {
      const now = performance.now()
      while (this.recent.length > 0 && now - (this.recent[0] as number) >= 1000) this.recent.shift()
      this.recent.push(now)
      if (this.recent.length > this.maxPerSecond) {
        this.throttled += 1
        return { status: 429, headers: { 'retry-after': '1' }, body: { code: 429, type: 'BLZWEBAPI00000429', detail: 'Too Many Requests' } }
      }
    }
    const token = bearerToken(request.headers)
    const account = /^\/(\w+)\/profile\/user\/wow$/.exec(request.path)
    if (account) {
      // Only a user token (from the authorization-code flow) may read an account; it answers once per sign-in here.
      const region = token ? this.userTokens.get(token) : undefined
      if (!region) return { status: 401, body: { code: 401, type: 'BLZWEBAPI00000401', detail: 'Unauthorized' } }
      return { status: 200, body: this.accounts.get(account[1] as string) ?? { id: 1, wow_accounts: [] } }
    }
    if (!token || !this.validTokens.has(token)) return { status: 401, body: { code: 401, type: 'BLZWEBAPI00000401', detail: 'Unauthorized' } }
    const guild = /^\/(\w+)\/data\/wow\/guild\/([^/]+)\/([^/]+)\/roster$/.exec(request.path)
    if (guild) {
      const body = this.guilds.get(`${guild[1]}/${guild[2]}/${guild[3]}`)
      return body && request.query.get('namespace') === `profile-${guild[1]}` ? { status: 200, body } : notFound()
    }

    const seasons = /^\/(\w+)\/data\/wow\/mythic-keystone\/season\/index$/.exec(request.path)
    if (seasons) {
      const current = this.currentSeason.get(seasons[1] as string)
      if (current === undefined || request.query.get('namespace') !== `dynamic-${seasons[1]}`) return notFound()
      // The documented shape: every season's link and id, and the current one.
      const link = (id: number) => ({ key: { href: `https://${seasons[1]}.api.blizzard.com/data/wow/mythic-keystone/season/${id}?namespace=dynamic-${seasons[1]}` }, id })
      return { status: 200, body: { _links: { self: { href: '' } }, seasons: Array.from({ length: current }, (_, i) => link(i + 1)), current_season: link(current) } }
    }
    const period = /^\/(\w+)\/data\/wow\/mythic-keystone\/period\/(\d+)$/.exec(request.path)
    if (period) {
      const body = this.periods.get(Number(period[2]))
      return body ? { status: 200, body } : notFound()
    }
    const match = /^\/(\w+)\/profile\/wow\/character\/([^/]+)\/([^/]+)(\/encounters\/raids|\/mythic-keystone-profile|\/achievements\/statistics|\/quests\/completed)?$/.exec(request.path)
    if (!match) return notFound()
    const [, region, realm, name, resource] = match
    if (request.query.get('namespace') !== `profile-${region}`) return notFound()
    const character = this.characters.get(`${region}/${realm}/${name}`)
    const resources: Record<string, unknown> = {
      '/encounters/raids': character?.encounters,
      '/mythic-keystone-profile': character?.keystone,
      // A registered character with no statistics or quests set has none (empty lists, as a fresh character).
      '/achievements/statistics': character?.statistics ?? (character && { categories: [] }),
      '/quests/completed': character?.quests ?? (character && { quests: [] }),
    }
    const body = resource ? resources[resource] : character?.profile
    if (!character || body === undefined) return notFound()
    const headers: Record<string, string> = character.lastModified ? { 'last-modified': character.lastModified } : {}
    if (character.lastModified && request.headers['if-modified-since'] === character.lastModified) return { status: 304, headers }
    return { status: 200, body, headers }
  }

  /**
   * Blizzard's authorize page, with the player's decision already made (`consent`): a 302 back to the
   * redirect URI with a code (or `error=access_denied`) and the state, as the real page does.
   */
  private authorize(request: LoggedRequest): Reply {
    const q = request.query
    const redirectUri = q.get('redirect_uri') ?? ''
    if (q.get('response_type') !== 'code' || q.get('client_id') !== this.clientId || q.get('scope') !== 'wow.profile' || !/^http:\/\/(127\.0\.0\.1|localhost):\d+\//.test(redirectUri)) {
      return { status: 400, body: { error: 'invalid_request' } }
    }
    if (this.consent === 'ignore') return { status: 200, body: { page: 'sign in' } }
    const back = new URL(redirectUri)
    back.searchParams.set('state', q.get('state') ?? '')
    if (this.consent === 'deny') back.searchParams.set('error', 'access_denied')
    else {
      const code = `code-${this.codes.size + 1}`
      this.codes.set(code, redirectUri)
      back.searchParams.set('code', code)
    }
    return { status: 302, headers: { location: back.href } }
  }

  private token(request: LoggedRequest): Reply {
    const credentials = basicCredentials(request.headers)
    const form = new URLSearchParams(request.body)
    if (credentials?.id !== this.clientId || credentials.secret !== this.clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' } }
    }
    if (form.get('grant_type') === 'authorization_code') {
      const code = form.get('code') ?? ''
      // A code works once, and only with the redirect URI it was issued for.
      if (this.codes.get(code) !== form.get('redirect_uri')) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid authorization code' } }
      this.codes.delete(code)
      const token = `user-token-${this.userTokens.size + 1}`
      this.userTokens.set(token, 'us')
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 86_399, scope: 'wow.profile', sub: '12345' } }
    }
    if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } }
    this.issued += 1
    const token = `blizzard-token-${this.issued}`
    this.validTokens.add(token)
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: this.tokenLifetimeSeconds, sub: this.clientId } }
  }
}

function notFound(): Reply {
  return { status: 404, body: fixture('blizzard-error-404.json') }
}

const DETAILS = ['encounters', 'keystone', 'statistics', 'quests'] as const

function detailsDiffer(a: BlizzardCharacterData, b: BlizzardCharacterData): boolean {
  return DETAILS.some((part) => JSON.stringify(a[part]) !== JSON.stringify(b[part]))
}

function loginOf(data: BlizzardCharacterData): number | undefined {
  const login = (data.profile as { last_login_timestamp?: unknown } | undefined)?.last_login_timestamp
  return typeof login === 'number' ? login : undefined
}

/** The same data with a login after `previous` (unchanged when it already is, or there is no profile). */
function withLaterLogin(data: BlizzardCharacterData, previous: number | undefined): BlizzardCharacterData {
  const login = loginOf(data)
  if (previous === undefined || login === undefined || login > previous) return data
  return { ...data, profile: { ...(data.profile as object), last_login_timestamp: previous + 1 } }
}
