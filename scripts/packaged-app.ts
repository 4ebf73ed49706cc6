import type { PlatformPath } from 'node:path'

/**
 * Where electron-builder's `--dir` target puts the app, and where the packaged app writes its log,
 * per OS: the packaged smoke test (scripts/smoke-packaged.ts) launches the one and reads the other.
 * Plain functions of the platform and a path flavour, so they are tested with path.win32 and
 * path.posix on any machine.
 */

const PRODUCT = 'Vault Companion'
/** electron-builder.yml `linux.executableName`. */
const LINUX_EXECUTABLE = 'vault-companion'

export function unpackedAppBinary(platform: NodeJS.Platform, arch: string, releaseDir: string, path: PlatformPath): string {
  if (platform === 'win32') return path.join(releaseDir, 'win-unpacked', `${PRODUCT}.exe`)
  if (platform === 'darwin') return path.join(releaseDir, arch === 'arm64' ? 'mac-arm64' : 'mac', `${PRODUCT}.app`, 'Contents', 'MacOS', PRODUCT)
  return path.join(releaseDir, 'linux-unpacked', LINUX_EXECUTABLE)
}

/**
 * Electron's logs folder for the app (app.setAppLogsPath() defaults): ~/Library/Logs/<product> on
 * macOS, <appData>/<product>/logs elsewhere (appData: %APPDATA% on Windows, $XDG_CONFIG_HOME or
 * ~/.config on Linux). main/electron/logging.ts writes main.log there.
 */
export function appLogsFolder(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string, path: PlatformPath): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Logs', PRODUCT)
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT, 'logs')
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config')
  return path.join(config, PRODUCT, 'logs')
}

/** True when `log` (all of main.log) has a "started" line after the first `skip` characters. */
export function startedSince(log: string, skip: number): boolean {
  return log.slice(skip).split('\n').some((line) => /\binfo\b.*\bstarted\b/.test(line))
}
