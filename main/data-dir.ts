import { homedir } from 'node:os'
import { join, posix, win32 } from 'node:path'

/** Folder name Electron derives from the product name for `app.getPath('userData')`. */
export const APP_FOLDER_NAME = 'Vault Companion'

/**
 * Where the app keeps its database when no folder is given: the same place as Electron's userData,
 * so the CLI and the desktop app share one database. VAULT_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.VAULT_DATA_DIR) return env.VAULT_DATA_DIR
  // The platform's own path rules, so the answer for Windows is right on any machine (and testable).
  const path = platform === 'win32' ? win32 : posix
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME)
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored: it would put the
  // database wherever the command happened to run.
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config')
  return path.join(xdg, APP_FOLDER_NAME)
}

/** The database file inside a data folder. */
export function databasePath(dataDir: string): string {
  return join(dataDir, 'vault-companion.db')
}
