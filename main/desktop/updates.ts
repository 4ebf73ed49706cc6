import type { UpdateStatus } from '../../shared/ipc-api.ts'
import type { Logger } from '../logging.ts'
import type { Clock } from '../ports.ts'

/** The part of electron-updater's autoUpdater the app uses (tests pass a fake feed). */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<unknown>
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'update-not-available', listener: () => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdateControllerOptions {
  updater: Updater
  /** The player's "install updates automatically" setting. */
  enabled: boolean
  /**
   * Whether this build has an update feed (electron-builder writes `app-update.yml` only when the
   * release pipeline configured one, for signed builds). Without one the updater stays off for good:
   * no check that can only fail every day, and never an unsigned update installed silently.
   */
  feed?: boolean
  clock: Clock
  log: Logger
  /** Every status change (the window shows a notice when an update is ready). */
  onStatus(status: UpdateStatus): void
  intervalMs?: number
}

export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000

/** The status of a build without an update feed (development builds, unsigned release builds). */
export const NO_FEED: UpdateStatus = { state: 'off', version: null, message: 'This build does not update itself: install new versions from the releases page.' }

/** The file electron-builder writes into the app's resources when a publish feed is configured. */
export function hasUpdateFeed(resourcesPath: string, exists: (path: string) => boolean, join: (...parts: string[]) => string): boolean {
  return exists(join(resourcesPath, 'app-update.yml'))
}

/**
 * Checks for updates at start and then daily, downloads them in the background and installs them
 * when the app quits (electron-updater against GitHub Releases, see electron-builder.yml `publish`).
 * Turned off in settings: no checks, and an update already downloaded is not installed on quit.
 */
export function createUpdateController(options: UpdateControllerOptions) {
  const { updater, clock, log, intervalMs = UPDATE_CHECK_INTERVAL_MS, feed = true } = options
  let enabled = feed && options.enabled
  let status: UpdateStatus = feed ? { state: enabled ? 'idle' : 'off', version: null, message: null } : NO_FEED
  let timer: unknown

  // Events change the status while a check is awaited: read it through this, not a narrowed copy.
  const current = () => status
  const set = (next: UpdateStatus) => {
    status = next
    options.onStatus(status)
  }
  updater.autoDownload = true
  updater.autoInstallOnAppQuit = enabled
  updater.on('update-available', ({ version }) => enabled && set({ state: 'downloading', version, message: null }))
  updater.on('update-not-available', () => enabled && set({ state: 'idle', version: null, message: null }))
  updater.on('update-downloaded', ({ version }) => {
    log.info('update downloaded', { version })
    if (enabled) set({ state: 'ready', version, message: null })
  })
  updater.on('error', (error) => {
    log.warn('update check failed', { error: error.message })
    if (enabled && status.state !== 'ready') set({ state: 'error', version: null, message: 'Could not check for updates; the app tries again tomorrow.' })
  })

  async function check(): Promise<void> {
    // One update at a time: once one is ready it waits for the next quit.
    if (!enabled || status.state === 'ready' || status.state === 'checking' || status.state === 'downloading') return
    set({ state: 'checking', version: null, message: null })
    try {
      await updater.checkForUpdates()
    } catch {
      // The 'error' event has said why.
      if (current().state === 'checking') set({ state: 'error', version: null, message: 'Could not check for updates; the app tries again tomorrow.' })
    }
  }

  const schedule = () => {
    timer = clock.setTimeout(() => {
      void check()
      schedule()
    }, intervalMs)
  }

  return {
    start(): void {
      void check()
      schedule()
    },
    stop(): void {
      if (timer !== undefined) clock.clearTimeout(timer)
      timer = undefined
    },
    setEnabled(next: boolean): void {
      if (!feed || next === enabled) return
      enabled = next
      updater.autoInstallOnAppQuit = next
      set({ state: next ? 'idle' : 'off', version: null, message: null })
      if (next) void check()
    },
    status: () => status,
  }
}
