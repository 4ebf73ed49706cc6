import { randomBytes } from 'node:crypto'
import { characterNameKey, characterRefFromParts, realmSlug } from '../../shared/domain/realm.ts'
import type { CharacterRef, Region } from '../../shared/domain/types.ts'
import type { ImportCandidate, ImportList, ImportPick } from '../../shared/ipc-api.ts'
import { hasControlOrBidi } from '../../shared/inert-text.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { SourceError } from '../clients/source-error.ts'
import type { Core } from '../composition.ts'
import type { LocalCore } from '../local-core.ts'
import type { Db } from '../store/db.ts'
import { addCharacter, listCharacters, updateCharacterProfile, type TrackedCharacter } from '../store/characters-repo.ts'
import type { PcCharacters } from '../game/wtf-characters.ts'
import { accountCandidates, filterCandidates, pcCandidates, raiderIoCandidates, rosterCandidates, type CandidateFilter } from './candidates.ts'
import { listenForSignIn, SignInError } from './oauth-callback.ts'

/**
 * Characters without typing (issue: import): from the player's Battle.net account, or from a guild
 * (Blizzard's roster, or Raider.IO's without Blizzard credentials). Finding characters never tracks
 * any: `trackPicks` adds exactly the ones the player ticked.
 */

/** Where Blizzard API clients are created, and where their redirect URLs are registered. */
export const BLIZZARD_CLIENTS_URL = 'https://develop.battle.net/access/clients'

export interface AccountImportOptions {
  region: Region
  /** The loopback port Blizzard sends the browser back to (the redirect URL registered on the client). */
  port: number
  /** Shows Blizzard's sign-in page: the app opens the system browser, the CLI prints the address. */
  openBrowser(url: string, redirectUri: string): void | Promise<void>
  timeoutMs?: number
  signal?: AbortSignal
}

/** Signs the player in on Blizzard's page and lists every character of every WoW account on their Battle.net login. */
export async function importFromAccount(core: Core, options: AccountImportOptions): Promise<Result<ImportList>> {
  const blizzard = core.clients.blizzard
  if (!blizzard) return err('NOT_CONFIGURED', 'Importing your account signs in with your own Blizzard API client: add its client id and secret in Settings first.')
  const state = randomBytes(24).toString('base64url')
  try {
    const pending = await listenForSignIn({ port: options.port, state, timeoutMs: options.timeoutMs })
    const stop = () => pending.cancel()
    options.signal?.addEventListener('abort', stop, { once: true })
    try {
      await options.openBrowser(blizzard.userAuthorization.authorizeUrl(options.region, pending.redirectUri, state), pending.redirectUri)
      const code = await pending.code
      // The user token answers one request and is then dropped: nothing of the login is kept.
      const token = await blizzard.userAuthorization.exchangeCode(options.region, code, pending.redirectUri, options.signal)
      const account = await blizzard.userAuthorization.accountProfile(options.region, token, options.signal)
      const candidates = withTracked(core.store.db, accountCandidates(options.region, account))
      const notes = candidates.length === 0 ? [`Blizzard lists no World of Warcraft characters for this Battle.net account in ${options.region.toUpperCase()}. Characters on other regions need an import for that region.`] : []
      return ok({ title: `Your Battle.net account (${options.region.toUpperCase()})`, source: 'blizzard', candidates, notes })
    } finally {
      pending.cancel()
      options.signal?.removeEventListener('abort', stop)
    }
  } catch (error) {
    return failure(error)
  }
}

export interface GuildImportInput {
  region: Region
  realm: string
  guild: string
}

/** A guild's members, filtered by rank and level: Blizzard's roster with credentials, else Raider.IO's. */
export async function importFromGuild(core: Core, input: GuildImportInput, filter: CandidateFilter = {}, signal?: AbortSignal): Promise<Result<ImportList>> {
  const realm = realmSlug(input.realm)
  if (!realm.ok) return realm
  const guild = input.guild.normalize('NFC').trim().replace(/\s+/gu, ' ')
  if (!/^[\p{L}' ]{2,24}$/u.test(guild)) return err('INVALID_INPUT', 'A guild name has 2 to 24 letters and spaces.')
  try {
    if (core.clients.blizzard) {
      // Blizzard's guild slug: lower case, spaces as hyphens [I] (as its realm slugs).
      const roster = await core.clients.blizzard.guildRoster(input.region, realm.value, guild.toLowerCase().replace(/ /g, '-'), signal)
      const all = rosterCandidates(input.region, roster)
      return ok({ title: `${roster.guild.name} (${input.region.toUpperCase()})`, source: 'blizzard', candidates: withTracked(core.store.db, filterCandidates(all, filter)), notes: filteredNote(all.length, filter) })
    }
    const profile = await core.clients.raiderio.guildMembers(input.region, realm.value, guild, signal)
    const all = raiderIoCandidates(input.region, profile)
    const notes = [
      'From Raider.IO (no Blizzard credentials): it lists members Raider.IO has seen, gives realm names rather than Blizzard\'s realm ids (the realm is derived from its name), and no levels' + (filter.minLevel !== undefined ? ', so the level filter could not be applied.' : '.'),
      ...filteredNote(all.length, filter),
    ]
    return ok({ title: `${profile.name} on ${profile.realm} (${input.region.toUpperCase()})`, source: 'raiderio', candidates: withTracked(core.store.db, filterCandidates(all, filter)), notes })
  } catch (error) {
    return failure(error)
  }
}

/**
 * The characters played on this PC (main/game/): no sign-in, no keys, no network. The region is the one
 * the player gave, else the one the game's configuration names; the notes say which, and what the game's
 * folders cannot tell.
 */
export function importFromThisPc(db: Db, found: PcCharacters, given: Region | undefined): Result<ImportList> {
  const region = given ?? found.region
  if (region === null) return err('INVALID_INPUT', "The game's configuration names no region: say which one these characters play on (us, eu, kr or tw).")
  const notes = [
    "From the game's folders on this PC: each realm is derived from its folder's name, and class and level come with the first sync.",
    given === undefined ? `Region ${region.toUpperCase()}, as the game's configuration names it (${found.regionFrom}).` : found.region !== null && found.region !== given ? `Region ${given.toUpperCase()} as you said, although the game's configuration names ${found.region.toUpperCase()}.` : `Region ${given.toUpperCase()}, as you said.`,
    ...found.problems,
  ]
  const candidates = withTracked(db, pcCandidates(region, found.characters))
  if (candidates.length === 0) notes.push('No character folders were found: log in with each character once, then look again.')
  return ok({ title: `Characters played on this PC (${region.toUpperCase()})`, source: 'game', candidates, notes })
}

function filteredNote(total: number, filter: CandidateFilter): string[] {
  const parts = [filter.maxRank !== undefined ? `rank ${filter.maxRank} or higher` : '', filter.minLevel !== undefined ? `level ${filter.minLevel} or more` : ''].filter(Boolean)
  return parts.length > 0 ? [`Showing members of ${parts.join(' and ')} (of ${total} in all).`] : []
}

/** Marks the characters already tracked: shown, but not offered again (one read, not one per guild member). */
function withTracked(db: Db, candidates: readonly Omit<ImportCandidate, 'tracked'>[]): ImportCandidate[] {
  const identity = (c: CharacterRef) => `${c.region}/${c.realm}/${characterNameKey(c.name)}`
  const tracked = new Set(listCharacters(db).map(identity))
  return candidates.map((c) => ({ ...c, tracked: tracked.has(identity(c)) }))
}

export interface TrackedPicks {
  added: TrackedCharacter[]
  /** Already tracked before (left as they were). */
  alreadyTracked: TrackedCharacter[]
  /** Picks that failed checkPick: not tracked, with why. */
  refused: { region: string; realm: string; name: string; reason: string }[]
}

/** Display texts longer than this are not a realm or class name. */
const MAX_DISPLAY_LENGTH = 64

/**
 * The one check every pick passes, from the window or the CLI, whatever the source sent: a known
 * region, a realm slug exactly as the source gave it (it must already be a slug: one with path
 * characters, escapes or spaces would be stored under a name nobody could ever type to untrack it),
 * a character name as typed characters have, and display texts of a sane length.
 */
export function checkPick(pick: ImportPick): Result<ImportPick> {
  const checked = characterRefFromParts(pick.region, pick.realm, pick.name)
  if (!checked.ok) return checked
  if (checked.value.realm !== pick.realm) return err('INVALID_INPUT', `"${pick.realm}" is not a realm slug.`)
  for (const text of [pick.realmName, pick.className]) {
    // The same characters a quest name may not hold (shared/inert-text.ts): controls and bidi marks.
    if (text !== null && (text.length > MAX_DISPLAY_LENGTH || hasControlOrBidi(text))) return err('INVALID_INPUT', `"${text.slice(0, MAX_DISPLAY_LENGTH)}…" is not a realm or class name.`)
  }
  return ok({ ...pick, region: checked.value.region, name: checked.value.name })
}

/**
 * Tracks exactly the ticked characters that pass checkPick, in one transaction: each with the realm
 * slug and display name the source gave (never recomputed) and its class; those already tracked are
 * left as they were, those that fail the check are refused and said.
 */
export function trackPicks(core: LocalCore, picks: readonly ImportPick[]): TrackedPicks {
  const refused: TrackedPicks['refused'] = []
  const valid = picks.flatMap((pick) => {
    const checked = checkPick(pick)
    if (checked.ok) return [checked.value]
    refused.push({ region: pick.region, realm: pick.realm, name: pick.name, reason: checked.error.message })
    return []
  })
  return core.store.transaction((tx) => {
    const result: TrackedPicks = { added: [], alreadyTracked: [], refused }
    for (const pick of valid) {
      const { character, created } = addCharacter(tx, { region: pick.region, realm: pick.realm, name: pick.name }, core.now())
      if (!created) {
        result.alreadyTracked.push(character)
        continue
      }
      updateCharacterProfile(tx, character.id, { realmName: pick.realmName, className: pick.className, specName: null, itemLevel: null, lastLoginAt: null })
      result.added.push({ ...character, realmName: pick.realmName, className: pick.className })
    }
    return result
  })
}

/** A sign-in or source failure as the player reads it. */
function failure(error: unknown): Result<never> {
  if (error instanceof SignInError) return err('SIGN_IN_FAILED', error.message)
  if (error instanceof SourceError) return err(error.code, error.message)
  throw error
}
