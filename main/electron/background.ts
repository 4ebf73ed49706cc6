import { Notification } from 'electron'
import { readAppSettings } from '../app-settings.ts'
import type { Core } from '../composition.ts'
import { unlockNotice } from '../desktop/unlock-notice.ts'
import { createGameFiles } from '../desktop/game-files.ts'
import { officerDigestDepsOf, postOfficerDigestIfDue } from '../desktop/officer-digest.ts'
import { overviewCacheOf } from '../desktop/overview-cache.ts'
import { showDueResetNotices, showOnlyWaitingVaults } from '../desktop/reset-notices.ts'
import { logSyncEvents, type Logger } from '../logging.ts'
import type { SecretStore } from '../ports.ts'
import { getCharacter } from '../store/characters-repo.ts'
import type { Scheduler } from '../sync/scheduler.ts'
import type { CharacterOverview, VaultEventName, VaultEvents } from '../../shared/ipc-api.ts'
import { createTray } from './tray.ts'

export interface BackgroundOptions {
  core: Core
  scheduler: Scheduler
  log: Logger
  /** The saved secrets (the officer digest's webhook) and the environment (its test-only loopback switch). */
  secrets: SecretStore
  env: NodeJS.ProcessEnv
  trayIconPath: string
  iconPath: string
  /** Pushes an event to the window if it is open. */
  send<E extends VaultEventName>(event: E, payload: VaultEvents[E]): void
  /** Shows the window on a character, or on the board (`waitingOnly`: filtered to the vaults waiting). */
  openWindow(characterId?: number, view?: { waitingOnly?: true }): void
  openLogsFolder(): void
  quit(): void
}

/**
 * What runs while the window is closed: the tray (vaults waiting and the reset, one line per character,
 * Sync all with progress), a notification when a vault slot unlocks, the notifications around each
 * reset (desktop/reset-notices.ts), the officer digest's post to Discord (desktop/officer-digest.ts),
 * the game's own saved files (desktop/game-files.ts), and the log of every sync outcome.
 */
export function startBackground(options: BackgroundOptions): { destroy(): void; gameFolderChanged(): void } {
  const { core, scheduler, log } = options
  logSyncEvents(core.events, log, (id) => getCharacter(core.store.db, id))
  const overviews = overviewCacheOf(core)
  // A synced character's overview before the sync, until its data:changed builds the one after it.
  const beforeSync = new Map<number, CharacterOverview | undefined>()
  const progress = { running: false, done: 0, total: 0 }
  const tray = createTray(options.trayIconPath, {
    syncAll: () => void scheduler.runNow(),
    cancelSync: () => scheduler.cancelRun(),
    openCharacter: (id) => options.openWindow(id),
    open: () => options.openWindow(),
    openLogsFolder: options.openLogsFolder,
    quit: options.quit,
  })
  const renderTray = () => {
    const characters = overviews.all()
    const newest = Math.max(0, ...characters.map((c) => c.lastSyncedAt ?? 0))
    tray.update({ characters, sync: progress, lastSyncAt: newest > 0 ? newest : null, now: Date.now() })
  }
  core.events.on('run:progress', ({ done, total }) => {
    Object.assign(progress, { running: done < total, done, total })
    options.send('sync:progress', { ...progress })
    renderTray()
  })
  core.events.on('character:finished', ({ characterId }) => beforeSync.set(characterId, overviews.peek(characterId)))
  core.events.on('data:changed', ({ characterId }) => {
    options.send('data:changed', { characterId })
    const after = overviews.get(characterId)
    if (beforeSync.has(characterId)) {
      const notice = after && unlockNotice(beforeSync.get(characterId), after)
      beforeSync.delete(characterId)
      if (notice && readAppSettings(core.store.db).notifications && Notification.isSupported()) {
        const notification = new Notification({ ...notice, icon: options.iconPath })
        notification.on('click', () => options.openWindow(characterId))
        notification.show()
      }
    }
    renderTray()
  })
  const notifyAroundResets = () => {
    if (!Notification.isSupported()) return
    try {
      showDueResetNotices(core.store.db, overviews.all(), Date.now(), (notice) => {
        const notification = new Notification({ title: notice.title, body: notice.body, icon: options.iconPath })
        notification.on('click', () => {
          if (notice.kind !== 'waiting') return options.openWindow()
          // Stored first, so a window that is still loading opens on the filtered board too.
          showOnlyWaitingVaults(core.store.db, Date.now())
          options.openWindow(undefined, { waitingOnly: true })
        })
        notification.show()
        log.info('reset notice shown', { key: notice.key })
      })
    } catch (error) {
      // A busy or failing database only delays the notice to the next minute.
      log.warn('reset notices not checked', { error: error instanceof Error ? error.message : String(error) })
    }
  }
  core.events.on('run:progress', ({ done, total }) => {
    if (done === total) notifyAroundResets()
  })
  // The countdowns move and resets pass while nothing syncs.
  const officerDigest = officerDigestDepsOf(core, options.secrets, options.env, log)
  const postOfficerDigest = () => void postOfficerDigestIfDue(officerDigest).catch((error: unknown) => log.warn('officer digest not checked', { error: error instanceof Error ? error.message : String(error) }))
  const everyMinute = setInterval(() => {
    renderTray()
    notifyAroundResets()
    postOfficerDigest()
  }, 60_000)
  everyMinute.unref()
  const gameFiles = createGameFiles({ core, env: options.env, log })
  gameFiles.start()
  renderTray()
  notifyAroundResets()
  postOfficerDigest()
  return {
    gameFolderChanged: () => gameFiles.folderChanged(),
    destroy: () => {
      gameFiles.stop()
      clearInterval(everyMinute)
      tray.destroy()
    },
  }
}
