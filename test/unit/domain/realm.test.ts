import { describe, expect, it } from 'vitest'
import { asciiRealmSlug, characterName, characterNameKey, formatCharacterRef, parseCharacterRef, parseRegion, realmSlug } from '../../../shared/domain/realm.ts'

describe('realmSlug', () => {
  // Slugs Blizzard issues (realm index dump, api-contracts.md §1.3).
  it.each([
    ['Area 52', 'area-52'],
    ["Mal'Ganis", 'malganis'],
    ["Quel'Thalas", 'quelthalas'],
    ["Pozzo dell'Eternità", 'pozzo-delleternità'],
    ['Azjol-Nerub', 'azjolnerub'],
    ['Arak-arahm', 'arakarahm'],
    ['Aggra (Português)', 'aggra-português'],
    ['Confrérie du Thorium', 'confrérie-du-thorium'],
    ['Festung der Stürme', 'festung-der-stürme'],
    ["Kel'Thas", 'kelthas'],
    ['Kel’Thas', 'kelthas'],
    ['  Twisting   Nether ', 'twisting-nether'],
    ['area 52', 'area-52'],
    ['area-52', 'area-52'],
    ['norgannon', 'norgannon'],
    ['aggra-português', 'aggra-português'],
    ['Illidan', 'illidan'],
  ])('%s → %s', (input, slug) => {
    expect(realmSlug(input)).toEqual({ ok: true, value: slug })
  })

  it.each([
    ['', 'Enter a realm name.'],
    ['   ', 'Enter a realm name.'],
    ['Area/52', 'Realm names cannot contain "/".'],
    ['Drak<script>', 'Realm names cannot contain "<".'],
    ['x'.repeat(49), 'A realm name has at most 48 characters.'],
    ["''", '"\'\'" is not a realm name.'],
  ])('rejects %j with a clear reason', (input, message) => {
    expect(realmSlug(input)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } })
  })

  it.each([
    ['aggra-português', 'aggra-portugues'],
    ['festung-der-stürme', 'festung-der-sturme'],
    ['confrérie-du-thorium', 'confrerie-du-thorium'],
    ['area-52', 'area-52'],
  ])('ASCII slug for Raider.IO and Warcraft Logs: %s → %s', (slug, ascii) => {
    expect(asciiRealmSlug(slug)).toBe(ascii)
  })
})

describe('character names', () => {
  it.each([
    ['thrall', 'Thrall'],
    ['DRINIAN', 'Drinian'],
    ['  Highervalue ', 'Highervalue'],
    ['ñøñå', 'Ñøñå'],
    ['Ëlune', 'Ëlune'],
    ['Jo', 'Jo'],
    ['Abcdefghijkl', 'Abcdefghijkl'],
  ])('%j is valid and displays as %s', (input, display) => {
    expect(characterName(input)).toEqual({ ok: true, value: display })
  })

  it.each([
    ['', 'Enter a character name.'],
    ['J', 'A character name has 2 to 12 letters.'],
    ['Abcdefghijklm', 'A character name has 2 to 12 letters.'],
    ['Thrall2', 'Character names contain only letters; "2" is not allowed.'],
    ['Thr all', 'Character names contain only letters; "space" is not allowed.'],
    ["Thr'all", 'Character names contain only letters; "\'" is not allowed.'],
    ['Thrall/', 'Character names contain only letters; "/" is not allowed.'],
  ])('rejects %j', (input, message) => {
    expect(characterName(input)).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message } })
  })

  it('lower-cases names for URLs with non-ASCII letters kept (Unicode-aware, not locale-dependent)', () => {
    expect(characterNameKey('Ñøñå')).toBe('ñøñå')
    expect(characterNameKey('DRINIAN')).toBe('drinian')
    expect(encodeURIComponent(characterNameKey('Ñøñå'))).toBe('%C3%B1%C3%B8%C3%B1%C3%A5')
    // NFC: a decomposed "é" (e + combining accent) keys the same as the composed one.
    expect(characterNameKey('Ame\u0301lie')).toBe(characterNameKey('Amélie'))
  })
})

describe('character references', () => {
  it('parses region/realm/name with display realm names', () => {
    expect(parseCharacterRef('US/Area 52/thrall')).toEqual({ ok: true, value: { region: 'us', realm: 'area-52', name: 'Thrall' } })
    expect(parseCharacterRef("eu/Cho'gall/Moghiro")).toEqual({ ok: true, value: { region: 'eu', realm: 'chogall', name: 'Moghiro' } })
  })

  it.each([
    ['us/Thrall', 'Expected region/realm/name'],
    ['xx/illidan/Thrall', 'Unknown region "xx"'],
    ['us//Thrall', 'Enter a realm name.'],
    ['us/illidan/', 'Enter a character name.'],
    ['us/illidan/Thrall/extra', 'Expected region/realm/name'],
  ])('rejects %j', (input, fragment) => {
    const result = parseCharacterRef(input)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain(fragment)
  })

  it('round-trips through formatCharacterRef', () => {
    expect(formatCharacterRef({ region: 'eu', realm: 'aggra-português', name: 'Moghiro' })).toBe('eu/aggra-português/Moghiro')
    expect(parseRegion(' EU ')).toEqual({ ok: true, value: 'eu' })
  })
})
