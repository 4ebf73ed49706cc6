import type { LuaTable, LuaValue } from './lua-data.ts'

/**
 * Typed reads of saved data that may hold anything: each returns null when the value is missing or of
 * another type, so a file with wrong types loses only the values that are wrong.
 */

export function table(value: LuaValue | undefined): LuaTable | null {
  return typeof value === 'object' ? value : null
}

export function number(value: LuaValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/** A whole number within [min, max], else null. */
export function integer(value: LuaValue | undefined, min: number, max: number): number | null {
  const n = number(value)
  return n !== null && Number.isInteger(n) && n >= min && n <= max ? n : null
}

export function text(value: LuaValue | undefined, maxLength = 200): string | null {
  return typeof value === 'string' && value.length <= maxLength ? value : null
}

export function boolean(value: LuaValue | undefined): boolean | null {
  return typeof value === 'boolean' ? value : null
}

/** An epoch in seconds as the game saves it (time(), GetServerTime()) → ms; null when not a plausible time. */
export function epochMs(value: LuaValue | undefined): number | null {
  // 2004 (the game's release) to 2100: a 0 (AceDB's default) or garbage is no time.
  const seconds = integer(value, 1_072_915_200, 4_102_444_800)
  return seconds === null ? null : seconds * 1000
}

/** The entries of a table that are tables themselves, with their keys. */
export function tableEntries(value: LuaValue | undefined): [string, LuaTable][] {
  const t = table(value)
  if (!t) return []
  return Object.entries(t).flatMap(([key, v]) => (typeof v === 'object' ? [[key, v] as [string, LuaTable]] : []))
}

/** A player GUID as the game writes it ("Player-1305-0ABC1234"), else null. */
export function playerGuid(value: string): string | null {
  return /^Player-\d{1,6}-[0-9A-F]{8}$/u.test(value) ? value : null
}
