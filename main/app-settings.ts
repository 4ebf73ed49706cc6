import { z } from 'zod'
import type { Db } from './store/db.ts'
import { getSetting, setSetting } from './store/settings-repo.ts'

/** The player's preferences, with their defaults. */
export const appSettingsSchema = z.object({
  /** A desktop notification when a character's vault unlocks a new slot. */
  notifications: z.boolean(),
  /** Closing the window keeps the app (and its hourly sync) running in the tray. */
  closeToTray: z.boolean(),
})
export type AppSettings = z.infer<typeof appSettingsSchema>

export const DEFAULT_APP_SETTINGS: AppSettings = { notifications: true, closeToTray: true }
const KEY = 'app.preferences'

export function readAppSettings(db: Db): AppSettings {
  return getSetting(db, KEY, appSettingsSchema, DEFAULT_APP_SETTINGS)
}

export function updateAppSettings(db: Db, patch: Partial<AppSettings>, now: number): AppSettings {
  const next = { ...readAppSettings(db), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
  setSetting(db, KEY, next, now)
  return next
}
