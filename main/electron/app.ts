import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, powerMonitor, shell, type BrowserWindow } from 'electron'
import { readAppSettings } from '../app-settings.ts'
import { createCoreScheduler, type Core } from '../composition.ts'
import { rendererEntryUrl } from '../desktop/app-protocol.ts'
import { DEEP_LINK_SCHEME, deepLinkInArgv, parseDeepLink } from '../desktop/deep-link.ts'
import { catchProcessErrors } from '../desktop/process-errors.ts'
import { hasUpdateFeed } from '../desktop/updates.ts'
import { fs } from '../fs.ts'
import { createPendingRoute } from '../desktop/pending-route.ts'
import { createQuitSequence } from '../desktop/quit.ts'
import { closeKeepsRunning, trayIsVisible } from '../desktop/tray-support.ts'
import { createTrustedSenders } from '../desktop/trusted-senders.ts'
import { createIpcHandlers } from '../ipc-handlers.ts'
import { systemClock } from '../ports.ts'
import { findCharacter } from '../store/characters-repo.ts'
import { StoreError } from '../store/store-error.ts'
import type { Scheduler } from '../sync/scheduler.ts'
import { startBackground } from './background.ts'
import { registerIpc, sendEvent } from './ipc.ts'
import { createAppLogger } from './logging.ts'
import { launchedAtLogin, setStartAtLogin } from './login-item.ts'
import { installAppMenu } from './menu.ts'
import { openDesktopCore, resource } from './open-core.ts'
import { registerAppScheme, serveAppScheme } from './protocol.ts'
import { lockDownWebContents } from './security.ts'
import { createAppUpdates } from './updates.ts'
import { createMainWindow, ensureAppPage } from './window.ts'

/**
 * Entry of the desktop app: the Electron lifecycle around the plain-Node core. Each concern lives in
 * its own module here (thin) over a tested one in main/desktop/.
 */

const here = fileURLToPath(new URL('.', import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererRoot = join(here, '../renderer')
const appEntryUrl = rendererEntryUrl(app.isPackaged, process.env)
/** Windows shows notifications only for an app with this id (the installer registers it: electron-builder.yml appId). */
const APP_USER_MODEL_ID = 'app.vaultcompanion.desktop'

const { log, logsFolder } = createAppLogger()
catchProcessErrors(process, { log, logsFolder, showFatal: (title, message) => dialog.showErrorBox(title, message), exit: (code) => app.exit(code) })

// Before ready: every renderer sandboxed, app:// known as a secure standard scheme, deep links ours.
app.enableSandbox()
registerAppScheme()
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
// During development Electron runs as `electron <app folder>`: the link must start it the same way.
if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])])
else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let window: BrowserWindow | undefined
  let core: Core | StoreError | undefined
  let scheduler: Scheduler | undefined
  let ready = false
  const pendingLinks: string[] = []
  const pendingRoute = createPendingRoute()
  const trayVisible = trayIsVisible(process.platform, process.env)
  const senders = createTrustedSenders(appEntryUrl)
  const iconPath = resource(app.isPackaged ? 'icon.png' : 'build/icon.png')
  // macOS wants a template image in the menu bar (it tints it for light and dark); others the coloured one.
  const trayFile = process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'
  const trayIconPath = resource(app.isPackaged ? trayFile : `build/${trayFile}`)
  const openCore = () => (core && !(core instanceof StoreError) ? core : undefined)

  const quit = createQuitSequence({
    stopSyncs: () => scheduler?.stop() ?? Promise.resolve(),
    closeStore: () => openCore()?.close(),
    exit: () => app.quit(),
    forceExit: () => app.exit(0),
    clock: systemClock,
    log,
  })

  /** The main window, created (shown or not) when there is none; true when it was just created. */
  const ensureWindow = (show: boolean): boolean => {
    if (window && !window.isDestroyed()) return false
    window = createMainWindow({ preloadPath, appEntryUrl, iconPath, senders, log, show })
    window.on('close', (event) => {
      // Closing keeps the app and its hourly sync running in the tray, unless turned off, quitting, or no tray can be seen.
      const current = openCore()
      if (!quit.quitting() && current && closeKeepsRunning(readAppSettings(current.store.db).closeToTray, trayVisible)) {
        event.preventDefault()
        window?.hide()
      }
    })
    // Windows is ending the session: quit before close-to-tray could refuse the window's close.
    window.on('query-session-end', () => quit.begin('session end', 1000))
    window.on('session-end', () => quit.begin('session end', 1000))
    return true
  }

  const showWindow = (characterId: number | null = null, view: { waitingOnly?: true } = {}) => {
    const fresh = ensureWindow(true)
    if (!window) return
    if (!fresh) ensureAppPage(window, appEntryUrl)
    const listening = !fresh && !window.webContents.isLoading()
    if (characterId !== null) {
      // A page still loading does not listen yet: it takes the route when ready (pending-route.ts).
      if (listening) sendEvent(window, 'app:navigate', { characterId })
      else pendingRoute.set(characterId)
    } else if (view.waitingOnly) {
      // A running page switches its board's filter; a loading one reads it from the stored preferences.
      if (listening) sendEvent(window, 'app:navigate', { characterId: null, waitingOnly: true })
    }
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  const openLogsFolder = async (): Promise<string | undefined> => {
    const failure = await shell.openPath(logsFolder)
    return failure === '' ? undefined : failure
  }

  /** `vault-companion://character/us/area-52/Thrall`: opens that character, or says why not. */
  const openDeepLink = (link: string) => {
    if (!ready) {
      pendingLinks.push(link)
      return
    }
    const parsed = parseDeepLink(link)
    const current = openCore()
    const character = parsed.ok && current ? findCharacter(current.store.db, parsed.ref) : undefined
    showWindow(character?.id ?? null)
    if (character) return
    const message = !parsed.ok ? parsed.message : `${parsed.ref.name} (${parsed.ref.region.toUpperCase()}, ${parsed.ref.realm}) is not tracked yet. Add the character in the window first.`
    log.warn('deep link not opened', { link, reason: message })
    void dialog.showMessageBox({ type: 'info', title: 'Vault Companion', message: 'Could not open that character', detail: message })
  }

  // macOS hands links over this event (also before ready); Windows and Linux start a second instance.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    openDeepLink(url)
  })
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkInArgv(argv)
    if (link) openDeepLink(link)
    else showWindow()
  })
  // macOS: a click on the dock icon brings the window back.
  app.on('activate', () => showWindow())

  const start = () => {
    serveAppScheme(rendererRoot)
    lockDownWebContents(appEntryUrl)
    const opened = openDesktopCore()
    core = opened.core
    if (core instanceof StoreError) log.error('database could not be opened', { code: core.code, error: core.message })
    const running = openCore()
    const settings = running ? readAppSettings(running.store.db) : undefined

    const updates = createAppUpdates({
      // Development builds have no update feed; only packaged apps built with one update themselves.
      feed: app.isPackaged && hasUpdateFeed(process.resourcesPath, (path) => fs.existsSync(path), join),
      enabled: settings?.autoUpdate ?? true,
      clock: systemClock,
      log,
      onStatus: (status) => sendEvent(window, 'update:status', status),
    })

    let background: ReturnType<typeof startBackground> | undefined
    let wowDir = settings?.wowDir ?? null
    if (running) {
      scheduler = createCoreScheduler(running)
      background = startBackground({
        core: running,
        scheduler,
        log,
        secrets: opened.secrets,
        env: process.env,
        trayIconPath,
        iconPath,
        send: (event, payload) => sendEvent(window, event, payload),
        openWindow: (id, view) => showWindow(id ?? null, view),
        openLogsFolder: () => void openLogsFolder(),
        quit: () => app.quit(),
      })
      powerMonitor.on('resume', () => scheduler?.wake())
      // The OS is shutting down (Linux, macOS): quit at once, never hold the shutdown up.
      powerMonitor.on('shutdown', () => quit.begin('system shutdown', 1000))
      // Re-applied at every start while on: the autostart entry follows the app if it moved.
      if (settings?.startAtLogin) trySetStartAtLogin(true)
      scheduler.start()
    }

    registerIpc(
      createIpcHandlers({
        appVersion: app.getVersion(),
        core,
        scheduler,
        secrets: opened.secrets,
        env: process.env,
        log,
        // Blizzard's sign-in page opens in the player's own browser, never inside the app.
        openSignInPage: (url) => shell.openExternal(url),
        desktop: {
          logsFolder,
          openLogsFolder,
          updateStatus: () => updates.controller.status(),
          takePendingRoute: () => pendingRoute.take(),
          settingsChanged: (next) => {
            if (next.wowDir !== wowDir) {
              wowDir = next.wowDir
              background?.gameFolderChanged()
            }
            const failure = trySetStartAtLogin(next.startAtLogin)
            if (!failure && app.isPackaged) updates.controller.setEnabled(next.autoUpdate)
            return failure
          },
        },
      }),
      senders,
      log,
    )
    installAppMenu(app.isPackaged, {
      syncAll: () => void scheduler?.runNow(),
      openLogsFolder: () => void openLogsFolder(),
      checkForUpdates: () => void updates.checkNow().catch(() => undefined),
    })
    updates.controller.start()
    log.info('started', { version: app.getVersion(), database: openCore()?.store.path ?? 'unavailable' })

    ready = true
    // A link that started the app opens the window once, on its character; else the window opens as
    // usual, unless started by the login entry (then it stays in the tray until the player opens it).
    const startLink = deepLinkInArgv(process.argv)
    const links = [...(startLink ? [startLink] : []), ...pendingLinks.splice(0)]
    if (links.length > 0) for (const link of links) openDeepLink(link)
    // (Without a tray to see, a hidden start would be an unreachable process: the window opens.)
    else if (!launchedAtLogin() || !running || !trayVisible) showWindow()
    // Started hidden on Windows: the session-end events come only through a window, so one exists
    // unseen, and logging off still stops the syncs and closes the database.
    else if (process.platform === 'win32') ensureWindow(false)
  }

  function trySetStartAtLogin(enabled: boolean): string | undefined {
    try {
      const pending = setStartAtLogin(enabled)
      if (pending) log.warn('start at login needs approval', { enabled })
      return pending
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      log.error('start at login could not be changed', { enabled, error: message })
      return `Could not change start at login: ${message}`
    }
  }

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('start-up failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      dialog.showErrorBox('Vault Companion could not start', `Something went wrong while starting. The details are in the log in ${logsFolder}.`)
      app.exit(1)
    })

  // With close-to-tray (and a tray to see) the app lives on without windows; Quit (tray or menu) ends it.
  app.on('window-all-closed', () => {
    const current = openCore()
    if (!current || !closeKeepsRunning(readAppSettings(current.store.db).closeToTray, trayVisible)) app.quit()
  })
  app.on('before-quit', (event) => {
    // The second pass, after the syncs stopped and the database closed: let Electron quit (and
    // electron-updater install a downloaded update on its quit event).
    if (quit.done()) return
    // First pass: abort the syncs and quit within QUIT_DEADLINE_MS.
    event.preventDefault()
    quit.begin('quit')
  })
}
