import { err, ok, type Result } from '../result.ts'
import { isRegion, REGIONS, type CharacterRef, type Region } from './types.ts'

/**
 * Normalisation and validation of what players type: region, realm and character name.
 * Slug rules follow the realm slugs Blizzard issues (shared docs api-contracts.md §1.3):
 * `Area 52` → `area-52`, `Mal'Ganis` → `malganis`, `Azjol-Nerub` → `azjolnerub` (an existing hyphen is
 * dropped), `Aggra (Português)` → `aggra-português` (parentheses dropped, accents kept).
 */

const MAX_REALM_LENGTH = 48
const APOSTROPHES = /['’‘`´]/gu
const REALM_ALLOWED = /^[\p{L}\p{M}\p{N} '’‘`´()-]+$/u
const ALREADY_A_SLUG = /^[\p{Ll}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{M}\p{N}]+)*$/u

/** Parses a region code such as `US` or `eu`. */
export function parseRegion(input: string): Result<Region> {
  const region = input.trim().toLowerCase()
  if (isRegion(region)) return ok(region)
  return err('INVALID_INPUT', `Unknown region "${input.trim()}". Use one of: ${REGIONS.join(', ')}.`)
}

/**
 * Realm slug as Blizzard uses it, from a display name or a slug. Input that already looks like a slug
 * (lower case, no spaces or punctuation) is kept as is, so `area-52` stays `area-52`; a display name
 * with an internal hyphen therefore needs its capitals (`Azjol-Nerub`) or its slug (`azjolnerub`).
 */
export function realmSlug(input: string): Result<string> {
  const realm = input.normalize('NFC').trim().replace(/\s+/gu, ' ')
  if (realm === '') return err('INVALID_INPUT', 'Enter a realm name.')
  if ([...realm].length > MAX_REALM_LENGTH) {
    return err('INVALID_INPUT', `A realm name has at most ${MAX_REALM_LENGTH} characters.`)
  }
  if (!REALM_ALLOWED.test(realm)) {
    const bad = [...realm].find((ch) => !REALM_ALLOWED.test(ch)) ?? ''
    return err('INVALID_INPUT', `Realm names cannot contain "${bad}".`)
  }
  if (ALREADY_A_SLUG.test(realm)) return ok(realm)
  const slug = realm
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[()]/gu, '')
    .replace(/-/gu, '')
    .trim()
    .replace(/ +/gu, '-')
  if (slug === '' || !/[\p{L}\p{N}]/u.test(slug)) return err('INVALID_INPUT', `"${input.trim()}" is not a realm name.`)
  return ok(slug)
}

/**
 * The ASCII form of a slug that Raider.IO and Warcraft Logs use (`aggra-português` → `aggra-portugues`).
 * [inferred] from Raider.IO URLs; letters without an ASCII decomposition are kept.
 */
export function asciiRealmSlug(slug: string): string {
  return slug
    .replace(/ß/gu, 'ss')
    .replace(/æ/gu, 'ae')
    .replace(/œ/gu, 'oe')
    .replace(/ø/gu, 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
}

const MIN_NAME_LENGTH = 2
const MAX_NAME_LENGTH = 12

/**
 * Validates a character name (2–12 letters, accented letters allowed, no digits, spaces or symbols,
 * as the game enforces) and returns it as the game displays it: first letter upper case, rest lower.
 */
export function characterName(input: string): Result<string> {
  const name = input.normalize('NFC').trim()
  if (name === '') return err('INVALID_INPUT', 'Enter a character name.')
  const letters = [...name]
  const bad = letters.find((ch) => !/^[\p{L}\p{M}]$/u.test(ch))
  if (bad !== undefined) {
    return err('INVALID_INPUT', `Character names contain only letters; "${bad === ' ' ? 'space' : bad}" is not allowed.`)
  }
  // Combining marks only decorate letters: they neither count as letters nor may stand first.
  const letterCount = letters.filter((ch) => /^\p{L}$/u.test(ch)).length
  if (!/^\p{L}$/u.test(letters[0] ?? '') || letterCount < MIN_NAME_LENGTH || letterCount > MAX_NAME_LENGTH) {
    return err('INVALID_INPUT', `A character name has ${MIN_NAME_LENGTH} to ${MAX_NAME_LENGTH} letters.`)
  }
  const [first = '', ...rest] = letters
  return ok(first.toUpperCase() + rest.join('').toLowerCase())
}

/**
 * The lower-case name used in API paths and as the identity key. Unicode-aware and locale-independent
 * (`Ñøñå` → `ñøñå`); callers percent-encode it when they build a URL.
 */
export function characterNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

/** Validates and normalises a character given as separate region, realm and name fields. */
export function characterRefFromParts(regionInput: string, realmInput: string, nameInput: string): Result<CharacterRef> {
  const region = parseRegion(regionInput)
  if (!region.ok) return region
  const realm = realmSlug(realmInput)
  if (!realm.ok) return realm
  const name = characterName(nameInput)
  if (!name.ok) return name
  return ok({ region: region.value, realm: realm.value, name: name.value })
}

/** Parses `region/realm/name` (e.g. `us/Area 52/Thrall`) into a normalised character reference. */
export function parseCharacterRef(input: string): Result<CharacterRef> {
  const parts = input.split('/')
  if (parts.length !== 3) {
    return err('INVALID_INPUT', `Expected region/realm/name, for example us/Area 52/Thrall; got "${input}".`)
  }
  const [region = '', realm = '', name = ''] = parts
  return characterRefFromParts(region, realm, name)
}

/** `us/area-52/Thrall`: how a character is written in messages and on the command line. */
export function formatCharacterRef(ref: CharacterRef): string {
  return `${ref.region}/${ref.realm}/${ref.name}`
}
