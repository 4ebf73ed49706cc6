// XDG autostart is Linux-only: its paths are POSIX paths whatever platform builds or tests them.
import { posix } from 'node:path'

/** The argument the login entry starts the app with: it then opens in the tray, without a window. */
export const HIDDEN_ARG = '--hidden'
const AUTOSTART_FILE = 'vault-companion.desktop'

/** What start-at-login needs from Electron and the file system (injected; tests pass fakes). */
export interface LoginItemHost {
  platform: NodeJS.Platform
  /** Electron's app.setLoginItemSettings (macOS and Windows; `openAsHidden` is gone since Electron 44). */
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void
  /** macOS: the login item's status after a change (app.getLoginItemSettings().status). */
  loginItemStatus?(): string | undefined
  /** The command that starts this app: the AppImage when run from one, else the executable. */
  executable: string
  /** `$XDG_CONFIG_HOME/autostart` (Linux). */
  autostartDir: string
  writeFile(path: string, text: string): void
  removeFile(path: string): void
}

/** XDG autostart folder: $XDG_CONFIG_HOME/autostart, by default ~/.config/autostart. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : posix.join(home, '.config')
  return posix.join(config, 'autostart')
}

/** Quotes one Exec argument as the Desktop Entry spec asks (double quotes; ", `, $ and \ escaped). */
function execArgument(arg: string): string {
  return /[\s"'`$\\<>~|&;*?#()]/.test(arg) ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg
}

/** The XDG autostart entry that starts the app hidden in the tray at login. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Vault Companion',
    'Comment=Keeps your characters\' Great Vaults up to date',
    `Exec=${execArgument(executable)} ${HIDDEN_ARG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** What the player is told when macOS holds the login item until it is allowed. */
export const REQUIRES_APPROVAL = 'macOS asks you to allow Vault Companion to start at login: open System Settings → General → Login Items, allow it, then turn the setting on again.'

/**
 * Turns start at login on or off the way each OS expects (on Linux, an XDG autostart file). Returns
 * what the player must still do when the OS did not simply accept it (macOS 13+ may hold a new login
 * item for approval), else undefined. On macOS the app learns it was opened at login from
 * `wasOpenedAtLogin` and stays in the tray; elsewhere the entry passes --hidden.
 */
export function applyStartAtLogin(enabled: boolean, host: LoginItemHost): string | undefined {
  if (host.platform === 'linux') {
    const file = posix.join(host.autostartDir, AUTOSTART_FILE)
    if (enabled) host.writeFile(file, autostartEntry(host.executable))
    else host.removeFile(file)
    return undefined
  }
  if (host.platform !== 'darwin') {
    host.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
    return undefined
  }
  host.setLoginItemSettings({ openAtLogin: enabled })
  return enabled && host.loginItemStatus?.() === 'requires-approval' ? REQUIRES_APPROVAL : undefined
}

/** Whether this start came from the login entry, so the app should stay in the tray. */
export function startedHidden(argv: readonly string[], openedAtLoginOnMac: boolean): boolean {
  return argv.includes(HIDDEN_ARG) || openedAtLoginOnMac
}
