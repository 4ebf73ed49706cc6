import { className as classNameOf } from '../../shared/domain/classes.ts'
import { characterName, realmSlug } from '../../shared/domain/realm.ts'
import type { Region } from '../../shared/domain/types.ts'
import type { ImportCandidate } from '../../shared/ipc-api.ts'
import type { AccountProfileWire, GuildRosterWire } from '../clients/blizzard/wire.ts'
import type { GuildProfileWire } from '../clients/raiderio/wire.ts'
import type { PcCharacter } from '../game/wtf-characters.ts'

type Untracked = Omit<ImportCandidate, 'tracked'>

/** Highest level first, then by name: the characters a player plays are on top. */
const byLevelThenName = (a: Untracked, b: Untracked) => (b.level ?? 0) - (a.level ?? 0) || (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name)

/** Names as the game shows them ("thrall" → "Thrall"); a name the game would not allow is left out. */
function displayName(name: string): string | undefined {
  const checked = characterName(name)
  return checked.ok ? checked.value : undefined
}

/** Every character of every WoW account (a Battle.net login can hold several), as Blizzard lists them. */
export function accountCandidates(region: Region, wire: AccountProfileWire): Untracked[] {
  return wire.wow_accounts
    .flatMap((account) => account.characters)
    .flatMap((c) => {
      const name = displayName(c.name)
      return name ? [{ region, realm: c.realm.slug, realmName: c.realm.name ?? null, name, className: c.playable_class?.name ?? classNameOf(c.playable_class?.id), level: c.level ?? null, rank: null }] : []
    })
    .sort(byLevelThenName)
}

/** A guild's members from Blizzard's roster: realm slugs as Blizzard gives them. */
export function rosterCandidates(region: Region, wire: GuildRosterWire): Untracked[] {
  return wire.members
    .flatMap((m) => {
      const name = displayName(m.character.name)
      return name ? [{ region, realm: m.character.realm.slug, realmName: m.character.realm.name ?? null, name, className: classNameOf(m.character.playable_class?.id), level: m.character.level ?? null, rank: m.rank }] : []
    })
    .sort(byLevelThenName)
}

/**
 * A guild's members from Raider.IO, which gives realm names only: the slug is derived from the name
 * (the same rule as typed input), and the level is unknown. The list's notes say so.
 */
export function raiderIoCandidates(region: Region, wire: GuildProfileWire): Untracked[] {
  return wire.members
    .flatMap((m) => {
      const name = displayName(m.character.name)
      const slug = realmSlug(m.character.realm)
      return name && slug.ok ? [{ region, realm: slug.value, realmName: m.character.realm, name, className: m.character.class ?? null, level: m.character.level ?? null, rank: m.rank }] : []
    })
    .sort(byLevelThenName)
}

/**
 * The characters in the game's folders on this PC: the realm slug derived from the folder's realm name
 * (the typed-input rule), no class or level (the folders hold none; the first sync brings them), each
 * character once however many accounts on the PC played it.
 */
export function pcCandidates(region: Region, characters: readonly PcCharacter[]): Untracked[] {
  const seen = new Map<string, Untracked>()
  for (const c of characters) {
    const name = displayName(c.name)
    const slug = realmSlug(c.realmName)
    if (name && slug.ok) seen.set(`${slug.value}/${name.toLowerCase()}`, { region, realm: slug.value, realmName: c.realmName, name, className: null, level: null, rank: null })
  }
  return [...seen.values()].sort((a, b) => a.realm.localeCompare(b.realm) || a.name.localeCompare(b.name))
}

export interface CandidateFilter {
  /** Keep ranks 0 (guild master) to this one. */
  maxRank?: number
  minLevel?: number
}

/** Applies the rank and level filters; a character whose level is unknown is kept (and the list says levels were not checked). */
export function filterCandidates<C extends Untracked>(candidates: readonly C[], filter: CandidateFilter): C[] {
  return candidates.filter((c) => (filter.maxRank === undefined || (c.rank ?? 0) <= filter.maxRank) && (filter.minLevel === undefined || c.level === null || c.level >= filter.minLevel))
}
