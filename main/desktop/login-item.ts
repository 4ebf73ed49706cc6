import { join } from 'node:path'

/** The argument the login entry starts the app with: it then opens in the tray, without a window. */
export const HIDDEN_ARG = '--hidden'
const AUTOSTART_FILE = 'vault-companion.desktop'

/** What start-at-login needs from Electron and the file system (injected; tests pass fakes). */
export interface LoginItemHost {
  platform: NodeJS.Platform
  /** Electron's app.setLoginItemSettings (macOS and Windows). */
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void
  /** The command that starts this app: the AppImage when run from one, else the executable. */
  executable: string
  /** `$XDG_CONFIG_HOME/autostart` (Linux). */
  autostartDir: string
  writeFile(path: string, text: string): void
  removeFile(path: string): void
}

/** XDG autostart folder: $XDG_CONFIG_HOME/autostart, by default ~/.config/autostart. */
export function autostartDir(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(config, 'autostart')
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

/** Turns start at login on or off the way each OS expects; on Linux, an XDG autostart file. */
export function applyStartAtLogin(enabled: boolean, host: LoginItemHost): void {
  if (host.platform === 'linux') {
    const file = join(host.autostartDir, AUTOSTART_FILE)
    if (enabled) host.writeFile(file, autostartEntry(host.executable))
    else host.removeFile(file)
    return
  }
  if (host.platform === 'darwin') host.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true })
  else host.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
}

/** Whether this start came from the login entry, so the app should stay in the tray. */
export function startedHidden(argv: readonly string[], openedAtLoginOnMac: boolean): boolean {
  return argv.includes(HIDDEN_ARG) || openedAtLoginOnMac
}
