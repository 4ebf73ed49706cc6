import type { Region } from '../shared/domain/types.ts'
import { redactCredentials } from '../shared/redact.ts'

/**
 * All configuration of the API sources, read in one place. Environment variables (the same names for
 * the desktop app and the CLI) win over credentials the desktop app stored from its settings screen.
 * A source without credentials is null: "not configured", and the other sources still work.
 */
export interface SourcesConfig {
  blizzard: BlizzardConfig | null
  warcraftlogs: WarcraftLogsConfig | null
  raiderio: RaiderIoConfig
}

export interface ClientCredentials {
  clientId: string
  clientSecret: string
}

export interface BlizzardConfig extends ClientCredentials {
  /** API base URL with `{region}` substituted per request. */
  apiUrlTemplate: string
  oauthUrl: string
}

export interface WarcraftLogsConfig extends ClientCredentials {
  /** Site URL; the token is at /oauth/token and GraphQL at /api/v2/client. */
  baseUrl: string
}

export interface RaiderIoConfig {
  baseUrl: string
  /** Raider.IO's optional API key (`access_key`, for higher limits: api-contracts §2.1), from VAULT_RAIDERIO_ACCESS_KEY. */
  accessKey?: string
}

/** Credentials saved by the desktop app (decrypted by the Electron shell), if any. */
export interface StoredCredentials {
  blizzard?: ClientCredentials
  warcraftlogs?: ClientCredentials
  /** The officer digest's Discord webhook address (its token makes it a secret). */
  discordWebhook?: string
  /** Raider.IO's optional access key, saved in Settings (VAULT_RAIDERIO_ACCESS_KEY wins over it). */
  raiderioAccessKey?: string
}

export const DEFAULT_BLIZZARD_API_URL = 'https://{region}.api.blizzard.com'
export const DEFAULT_BLIZZARD_OAUTH_URL = 'https://oauth.battle.net/token'
export const DEFAULT_RAIDERIO_URL = 'https://raider.io'
export const DEFAULT_WCL_URL = 'https://www.warcraftlogs.com'
// China has its own Battle.net hosts (api-contracts.md §1.1–1.2) and needs its own credentials.
const CHINA_API_URL = 'https://gateway.battlenet.com.cn'
const CHINA_OAUTH_URL = 'https://www.battlenet.com.cn/oauth/token'

/** A configuration value the app refuses, with what to change. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/**
 * Reads the sources' configuration from the environment, falling back to stored credentials. Throws
 * ConfigError for an address that is not an http(s) URL or that carries a user name or password: such
 * a secret would end up in messages and logs, and the APIs never take one there.
 */
export function readSourcesConfig(env: NodeJS.ProcessEnv, stored: StoredCredentials = {}): SourcesConfig {
  const blizzard = credentials(env.VAULT_BLIZZARD_CLIENT_ID, env.VAULT_BLIZZARD_CLIENT_SECRET, stored.blizzard)
  const wcl = credentials(env.VAULT_WCL_CLIENT_ID, env.VAULT_WCL_CLIENT_SECRET, stored.warcraftlogs)
  const url = (name: string, fallback: string) => checkedUrl(name, nonEmpty(env[name]) ?? fallback)
  return {
    blizzard: blizzard && {
      ...blizzard,
      apiUrlTemplate: url('VAULT_BLIZZARD_API_URL', DEFAULT_BLIZZARD_API_URL),
      oauthUrl: url('VAULT_BLIZZARD_OAUTH_URL', DEFAULT_BLIZZARD_OAUTH_URL),
    },
    warcraftlogs: wcl && { ...wcl, baseUrl: trimSlash(url('VAULT_WCL_URL', DEFAULT_WCL_URL)) },
    raiderio: { baseUrl: trimSlash(url('VAULT_RAIDERIO_URL', DEFAULT_RAIDERIO_URL)), ...(nonEmpty(env.VAULT_RAIDERIO_ACCESS_KEY) !== undefined ? raiderIoKey(env.VAULT_RAIDERIO_ACCESS_KEY) : savedRaiderIoKey(stored.raiderioAccessKey)) },
  }
}

/** A key goes into every Raider.IO address: one that could not be a key is refused, not sent. */
function raiderIoKey(value: string | undefined): { accessKey?: string } {
  const key = nonEmpty(value)
  if (key === undefined) return {}
  if (!isRaiderIoKey(key)) throw new ConfigError('VAULT_RAIDERIO_ACCESS_KEY is not a Raider.IO access key (letters, digits, - and _ only). Copy it again from your Raider.IO account, or leave it unset.')
  return { accessKey: key }
}

/** A key saved in Settings was checked when saved; one that is not a key any more is left out, never fatal. */
function savedRaiderIoKey(value: string | undefined): { accessKey?: string } {
  return value !== undefined && isRaiderIoKey(value) ? { accessKey: value } : {}
}

/** What a Raider.IO access key looks like (it goes into every Raider.IO address as it is). */
export function isRaiderIoKey(value: string): boolean {
  return /^[A-Za-z0-9_-]{1,200}$/.test(value)
}

function checkedUrl(name: string, value: string): string {
  let parsed: URL
  try {
    parsed = new URL(value.replaceAll('{region}', 'us'))
  } catch {
    throw new ConfigError(`${name} is not a web address ("${redactCredentials(value)}"). Use something like https://example.com, or leave it unset for the default.`)
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ConfigError(`${name} must start with https:// (got "${parsed.protocol}").`)
  if (parsed.username || parsed.password) {
    throw new ConfigError(`${name} contains a user name or password ("${redactCredentials(value)}"). Remove it: the APIs take none there, and it would end up in messages and logs.`)
  }
  return value
}

/** The Blizzard API base URL for a region (China uses its own host unless the URL was overridden). */
export function blizzardApiBase(config: BlizzardConfig, region: Region): string {
  if (region === 'cn' && config.apiUrlTemplate === DEFAULT_BLIZZARD_API_URL) return CHINA_API_URL
  return trimSlash(config.apiUrlTemplate.replaceAll('{region}', region))
}

/** The Blizzard token URL for a region. */
export function blizzardOauthUrl(config: BlizzardConfig, region: Region): string {
  if (region === 'cn' && config.oauthUrl === DEFAULT_BLIZZARD_OAUTH_URL) return CHINA_OAUTH_URL
  return config.oauthUrl
}

function credentials(id: string | undefined, secret: string | undefined, stored: ClientCredentials | undefined): ClientCredentials | null {
  const clientId = nonEmpty(id) ?? nonEmpty(stored?.clientId)
  const clientSecret = nonEmpty(secret) ?? nonEmpty(stored?.clientSecret)
  return clientId && clientSecret ? { clientId, clientSecret } : null
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
