import { z } from 'zod'
import { DEFAULT_BOARD_PREFERENCES } from '../shared/domain/board.ts'
import { boardPreferencesSchema, officerDigestPreferencesSchema } from '../shared/ipc-contract.ts'
import type { Db } from './store/db.ts'
import { getSetting, setSetting } from './store/settings-repo.ts'

/** The player's preferences, with their defaults. */
export const appSettingsSchema = z.object({
  /** Desktop notifications: a new vault slot, vaults waiting after a reset, the reminder before one. */
  notifications: z.boolean(),
  /** Closing the window keeps the app (and its hourly sync) running in the tray. */
  closeToTray: z.boolean(),
  /** The app starts, hidden in the tray, when the player logs in to the computer. */
  startAtLogin: z.boolean(),
  /** Updates are checked daily, downloaded in the background and installed on quit. */
  autoUpdate: z.boolean(),
  /** Hours before each region's reset for the reminder of who is one step from a slot (2–48), or null: none. */
  reminderHours: z.number().int().min(2).max(48).nullable(),
  /** The loopback port of the Battle.net sign-in (import): the redirect URL is http://127.0.0.1:<port>/callback. */
  importPort: z.number().int().min(1024).max(65535),
  /** How the player left the board: sort, filters, density (it survives restarts). */
  board: boardPreferencesSchema,
  /** The World of Warcraft folder the player named; it wins over VAULT_WOW_DIR (null: that, else the usual places). */
  wowDir: z.string().max(500).nullable(),
  /** When and for whom the officer digest is posted to Discord (the webhook itself is a secret). */
  officerDigest: officerDigestPreferencesSchema,
})
export type AppSettings = z.infer<typeof appSettingsSchema>

// Start at login changes the player's system, so it waits for their say-so.
export const DEFAULT_APP_SETTINGS: AppSettings = { notifications: true, closeToTray: true, startAtLogin: false, autoUpdate: true, reminderHours: 12, importPort: 47615, wowDir: null, board: DEFAULT_BOARD_PREFERENCES, officerDigest: { hoursBeforeReset: 12, region: null, guild: null } }
const KEY = 'app.preferences'

/** Stored preferences over the defaults: a setting added in a later version reads as its default. */
export function readAppSettings(db: Db): AppSettings {
  return { ...DEFAULT_APP_SETTINGS, ...getSetting(db, KEY, appSettingsSchema.partial(), {}) }
}

/** The settings with a patch applied; a field left undefined keeps its value. */
export function withChanges(settings: AppSettings, patch: Partial<AppSettings>): AppSettings {
  return { ...settings, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
}

export function updateAppSettings(db: Db, patch: Partial<AppSettings>, now: number): AppSettings {
  const next = withChanges(readAppSettings(db), patch)
  setSetting(db, KEY, next, now)
  return next
}
