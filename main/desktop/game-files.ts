import { join } from 'node:path'
import { readAppSettings } from '../app-settings.ts'
import { fs } from '../fs.ts'
import { refreshGameSaves } from '../game/game-saves.ts'
import { ADDON_READERS } from '../game/saved-variables/read-saved-file.ts'
import type { LocalCore } from '../local-core.ts'
import type { Logger } from '../logging.ts'
import type { SyncEvents } from '../sync/events.ts'

/** The game writes a file as several steps (a backup, then the file): one read after the last. */
const SETTLE_MS = 2_000
/** Hourly syncs start character by character: the files are read again at most this often for them. */
const MIN_GAP_BETWEEN_SYNC_READS_MS = 10 * 60 * 1000

export interface GameFilesDeps {
  core: Pick<LocalCore, 'store' | 'season' | 'now'> & { events: SyncEvents }
  env: Readonly<Record<string, string | undefined>>
  log: Logger
  settleMs?: number
  watch?: typeof fs.watch
  /** Reads the files (tests stand in for it to say a file was being written). */
  read?: typeof refreshGameSaves
}

export interface GameFiles {
  /** Reads the files now (one read at a time; a request during a read runs once after it). */
  refresh(): Promise<void>
  /** Reads once, watches each account's SavedVariables folder, and reads at each sync. */
  start(): void
  /** The player named another game folder: watch that one. */
  folderChanged(): void
  stop(): void
}

/**
 * The app's side of the fourth source: the addons' saved files are read at start, at each sync and
 * whenever the game writes one (a logout, a /reload), so the board shows the game's vault minutes
 * after the player logs out. Every read runs in a worker (read-in-worker.ts); a failure is logged and
 * reported in Settings, never thrown.
 */
export function createGameFiles(deps: GameFilesDeps): GameFiles {
  const { core, log } = deps
  const settleMs = deps.settleMs ?? SETTLE_MS
  const watch = deps.watch ?? fs.watch
  const readFiles = deps.read ?? refreshGameSaves
  let watchers: ReturnType<typeof fs.watch>[] = []
  let watched = ''
  let settle: ReturnType<typeof setTimeout> | undefined
  let reading: Promise<void> | null = null
  let again = false
  /** When the last read began, whatever started it: a run start and its first character's start are one read. */
  let lastReadAt = Number.NEGATIVE_INFINITY
  let stopped = false

  const readOnce = async () => {
    const wowDir = readAppSettings(core.store.db).wowDir ?? undefined
    const read = await readFiles(core, wowDir, deps.env, 'Settings')
    if (!read) return unwatch()
    for (const file of read.report.files) if (file.problem) log.warn('game file not read', { addon: file.addon, problem: file.problem })
    for (const characterId of read.characterIds) core.events.emit('data:changed', { characterId })
    rewatch(read.retail, read.accounts)
    // A file the game was writing while it was read is read again once it is done.
    if (read.readAgainSoon) schedule()
  }

  const refresh = async (): Promise<void> => {
    if (stopped) return
    if (reading) {
      again = true
      return reading
    }
    lastReadAt = core.now()
    reading = (async () => {
      do {
        again = false
        try {
          await readOnce()
        } catch (error) {
          log.warn('game files not read', { error: error instanceof Error ? error.message : String(error) })
        }
      } while (again && !stopped)
    })().finally(() => {
      reading = null
    })
    return reading
  }

  function schedule(): void {
    clearTimeout(settle)
    settle = setTimeout(() => void refresh(), settleMs)
    settle.unref?.()
  }

  const fileNames = new Set(ADDON_READERS.map((r) => r.fileName.toLowerCase()))
  function rewatch(retail: string, accounts: readonly string[]): void {
    const key = `${retail}\n${accounts.join('\n')}`
    if (key === watched) return
    unwatch()
    watched = key
    for (const account of accounts) {
      const folder = join(retail, 'WTF', 'Account', account, 'SavedVariables')
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          // Only the files read here (not their .bak copies or other addons' files); no name: look anyway.
          if (name === null || fileNames.has(String(name).toLowerCase())) schedule()
        })
        watcher.on('error', () => watcher.close())
        watchers.push(watcher)
      } catch {
        // No SavedVariables folder yet (no addon has saved anything): the next sync looks again.
      }
    }
  }

  function unwatch(): void {
    for (const w of watchers) w.close()
    watchers = []
    watched = ''
  }

  const onRunProgress = ({ done }: { done: number }) => {
    if (done === 0) void refresh()
  }
  const onCharacterStarted = () => {
    if (core.now() - lastReadAt >= MIN_GAP_BETWEEN_SYNC_READS_MS) void refresh()
  }

  return {
    refresh,
    start() {
      core.events.on('run:progress', onRunProgress)
      core.events.on('character:started', onCharacterStarted)
      void refresh()
    },
    folderChanged() {
      // Scheduled, not read at once: the new folder is saved just after this is called.
      unwatch()
      schedule()
    },
    stop() {
      stopped = true
      clearTimeout(settle)
      unwatch()
      core.events.off('run:progress', onRunProgress)
      core.events.off('character:started', onCharacterStarted)
    },
  }
}
