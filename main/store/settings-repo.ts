import { eq, sql } from 'drizzle-orm'
import { safeParse, type core } from 'zod/mini'
import type { Db } from './db.ts'
import { preparedOnce } from './prepared.ts'
import { settings } from './schema.ts'

/**
 * Reads a setting, validated by its schema; an absent or invalid stored value yields the fallback, so
 * a hand-edited or older value never breaks start-up.
 */
export function getSetting<T>(db: Db, key: string, schema: core.$ZodType<T>, fallback: T): T {
  const row = settingRow(db, key)
  if (!row) return fallback
  try {
    const parsed = safeParse(schema, JSON.parse(row.valueJson))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

/** Stores a setting as JSON. */
export function setSetting(db: Db, key: string, value: unknown, now: number): void {
  const valueJson = JSON.stringify(value)
  db.insert(settings)
    .values({ key, valueJson, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { valueJson, updatedAt: now } })
    .run()
}

/** Removes a setting. */
export function deleteSetting(db: Db, key: string): void {
  db.delete(settings).where(eq(settings.key, key)).run()
}

/** The raw JSON text of a setting, for values that are not JSON objects of ours (an encrypted blob). */
export function getSettingText(db: Db, key: string): string | undefined {
  const row = settingRow(db, key)
  if (!row) return undefined
  try {
    const value: unknown = JSON.parse(row.valueJson)
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

/** Every sync reads settings (tracked quests, season facts): built once per connection (prepared.ts). */
function settingRow(db: Db, key: string) {
  return preparedOnce(db, 'settingRow', () => db.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare()).get({ key })
}
