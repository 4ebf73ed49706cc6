import { z } from 'zod'
import { regionWeeks } from '../../shared/domain/board.ts'
import { digestLines, weekDigest } from '../../shared/domain/digest.ts'
import { matchesTeamFilter } from '../../shared/domain/team-table.ts'
import type { CharacterOverview, OfficerDigestPreferences, OfficerDigestView } from '../../shared/ipc-api.ts'
import { err, type Result } from '../../shared/result.ts'
import { readAppSettings } from '../app-settings.ts'
import { discordMessages, parseWebhookUrl, postToWebhook } from '../digest/discord-webhook.ts'
import type { Core } from '../composition.ts'
import type { Logger } from '../logging.ts'
import type { SecretStore } from '../ports.ts'
import { overviewCacheOf } from './overview-cache.ts'
import type { Db } from '../store/db.ts'
import { getSetting, setSetting } from '../store/settings-repo.ts'

/**
 * The officer digest: the week's digest of the chosen characters (a guild, a region, or all), posted to
 * a Discord channel a set time before each region's reset. At most once per region and week: a post
 * that went out is never repeated, a failed one is tried again at most twice, half an hour apart, and
 * not at all once Discord said the webhook is gone. Every outcome is kept for Settings and the log.
 * Plain Node: the app's minute timer calls `postOfficerDigestIfDue`, Settings' "Post now" the other.
 */

export interface OfficerDigestDeps {
  db: Db
  /** The saved webhook address (a secret), if any. */
  webhook(): string | undefined
  env: Readonly<Record<string, string | undefined>>
  overviews(): readonly CharacterOverview[]
  now(): number
  log: Logger
  /** Tests pass a poster with a fake wait. */
  post?: typeof postToWebhook
}

/** The app's wiring: the core's store and overviews, the saved webhook, the real clock. */
export function officerDigestDepsOf(core: Core, secrets: SecretStore, env: Readonly<Record<string, string | undefined>>, log: Logger): OfficerDigestDeps {
  return { db: core.store.db, webhook: () => secrets.load().discordWebhook, env, overviews: () => overviewCacheOf(core).all(), now: core.now, log }
}

const TRIES_PER_WEEK = 3
const RETRY_AFTER_MS = 30 * 60_000
const STATE_KEY = 'officer-digest.state'
const stateSchema = z.object({
  posts: z.array(z.object({ key: z.string().max(40), attempts: z.number().int(), lastAt: z.number(), ok: z.boolean(), gone: z.boolean() })).max(100),
  last: z.object({ at: z.number(), ok: z.boolean(), message: z.string().max(1000) }).nullable(),
})
type State = z.infer<typeof stateSchema>
type PostRecord = State['posts'][number]
const EMPTY: State = { posts: [], last: null }

// One post at a time per database: a slow Discord must not let the next minute's check start another.
const inFlight = new WeakSet<Db>()

/** What Settings shows: where the webhook points (never its token) and the last outcome. */
export function officerDigestView(db: Db, preferences: OfficerDigestPreferences, webhook: string | undefined): OfficerDigestView {
  return { ...preferences, configured: webhook !== undefined, channelHint: webhook === undefined ? null : channelHint(webhook), lastPost: getSetting(db, STATE_KEY, stateSchema, EMPTY).last }
}

/** "discord.com webhook 1234…5678": enough to tell two channels apart, nothing that lets anyone post. */
export function channelHint(address: string): string {
  try {
    const url = new URL(address)
    const id = /^\/api\/webhooks\/(\d+)\//.exec(url.pathname)?.[1]
    return id ? `${url.host} webhook ${id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id}` : url.host
  } catch {
    return 'a saved address'
  }
}

/** The characters the officer chose (a guild, a region, or all). */
function chosen(deps: OfficerDigestDeps, preferences: OfficerDigestPreferences): CharacterOverview[] {
  return deps.overviews().filter((c) => matchesTeamFilter(c, { region: preferences.region ?? undefined, guild: preferences.guild ?? undefined }))
}

/** "Great Vault digest: Endless Climb (US)": the guild as the game writes it, not as the filter was typed. */
function title(preferences: OfficerDigestPreferences, characters: readonly CharacterOverview[], region?: string): string {
  const { guild } = preferences
  const name = guild === null ? null : (characters.find((c) => c.guild)?.guild?.name ?? guild)
  return `Great Vault digest${name ? `: ${name}` : ''}${region ? ` (${region.toUpperCase()})` : ''}`
}

/** Posts each region's digest whose time before the reset has come and that was not posted this week. */
export async function postOfficerDigestIfDue(deps: OfficerDigestDeps): Promise<void> {
  const address = deps.webhook()
  if (address === undefined || inFlight.has(deps.db)) return
  inFlight.add(deps.db)
  try {
    const preferences = readAppSettings(deps.db).officerDigest
    for (const { region, week, characters } of regionWeeks(chosen(deps, preferences))) {
      const now = deps.now()
      if (now < week.end - preferences.hoursBeforeReset * 3_600_000 || now >= week.end) continue
      const key = `${region}:${week.period}`
      const record = getSetting(deps.db, STATE_KEY, stateSchema, EMPTY).posts.find((p) => p.key === key)
      if (record && (record.ok || record.gone || record.attempts >= TRIES_PER_WEEK || now - record.lastAt < RETRY_AFTER_MS)) continue
      // The attempt is stored before the post, so a crash or a second process cannot post it twice.
      const attempt: PostRecord = { key, attempts: (record?.attempts ?? 0) + 1, lastAt: now, ok: false, gone: false }
      updateState(deps, (s) => ({ ...s, posts: [...s.posts.filter((p) => p.key !== key), attempt].slice(-100) }))
      const result = await post(deps, address, title(preferences, characters, region), characters)
      updateState(deps, (s) => ({
        posts: s.posts.map((p) => (p.key === key ? { ...p, ok: result.ok, gone: !result.ok && result.error.code === 'BAD_CONFIG' } : p)),
        last: outcome(deps.now(), result),
      }))
      if (result.ok) deps.log.info('officer digest posted', { region, period: week.period, messages: result.value.posted })
      else deps.log.warn('officer digest not posted', { region, period: week.period, attempt: attempt.attempts, error: result.error.message })
    }
  } finally {
    inFlight.delete(deps.db)
  }
}

/** "Post now" in Settings: every chosen character's digest at once, outside the weekly schedule. */
export async function postOfficerDigestNow(deps: OfficerDigestDeps): Promise<Result<{ posted: number }>> {
  const address = deps.webhook()
  if (address === undefined) return err('NOT_CONFIGURED', 'Save a Discord webhook address first.')
  const preferences = readAppSettings(deps.db).officerDigest
  const characters = chosen(deps, preferences)
  if (characters.length === 0) return err('INVALID_INPUT', 'No tracked character matches the digest\'s guild and region: nothing to post.')
  if (inFlight.has(deps.db)) return err('INVALID_INPUT', 'A digest is being posted right now; try again in a moment.')
  inFlight.add(deps.db)
  try {
    const result = await post(deps, address, title(preferences, characters), characters)
    updateState(deps, (s) => ({ ...s, last: outcome(deps.now(), result) }))
    if (!result.ok) deps.log.warn('officer digest not posted', { error: result.error.message })
    return result
  } finally {
    inFlight.delete(deps.db)
  }
}

async function post(deps: OfficerDigestDeps, address: string, heading: string, characters: readonly CharacterOverview[]): Promise<Result<{ posted: number }>> {
  const url = parseWebhookUrl(address, deps.env)
  if (!url.ok) return err('BAD_CONFIG', `The saved webhook address is not accepted any more: ${url.error.message}`)
  const messages = discordMessages(heading, digestLines(weekDigest(characters), deps.now()))
  return (deps.post ?? postToWebhook)(url.value, messages)
}

function outcome(at: number, result: Result<{ posted: number }>): State['last'] {
  return { at, ok: result.ok, message: result.ok ? `Posted (${result.value.posted === 1 ? 'one message' : `${result.value.posted} messages`}).` : result.error.message.slice(0, 1000) }
}

function updateState(deps: OfficerDigestDeps, change: (state: State) => State): void {
  deps.db.transaction((tx) => setSetting(tx, STATE_KEY, change(getSetting(tx, STATE_KEY, stateSchema, EMPTY)), deps.now()))
}

/**
 * A newly saved address gets its chances again: failed attempts (and "gone") are forgotten, but a week
 * already posted stays posted, so changing the channel never doubles a week's digest.
 */
export function resetFailedOfficerPosts(db: Db, now: number): void {
  db.transaction((tx) => {
    const state = getSetting(tx, STATE_KEY, stateSchema, EMPTY)
    setSetting(tx, STATE_KEY, { posts: state.posts.filter((p) => p.ok), last: null }, now)
  })
}
