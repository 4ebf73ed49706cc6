import type { Logger } from '../logging.ts'
import type { Clock } from '../ports.ts'

/** Quit never waits longer than this for running syncs. */
export const QUIT_DEADLINE_MS = 3000
/** A last resort, should something still hold the quit up after `exit`. */
export const FORCE_EXIT_AFTER_MS = 2000

export interface QuitSteps {
  /** Aborts running syncs (the scheduler's stop: AbortSignal through every request) and waits for them. */
  stopSyncs(): Promise<void>
  /** Closes the database. */
  closeStore(): void
  /**
   * Lets the quit go ahead (Electron's app.quit again; `done()` is then true, so before-quit lets it
   * through). Not app.exit: that skips the quit event electron-updater installs a downloaded update on.
   */
  exit(): void
  /** Ends the process at once (app.exit), should the quit above still not have happened after FORCE_EXIT_AFTER_MS. */
  forceExit(): void
  clock: Clock
  log: Logger
}

/**
 * Quit in one place: abort the syncs, wait at most `deadlineMs` for them, close the database, exit.
 * Each sync commits in one transaction at its end, so a sync cut short commits nothing half-done.
 * `quitting` lets close-to-tray step aside, so neither Quit nor the OS ending the session is blocked.
 */
export function createQuitSequence(steps: QuitSteps) {
  let quitting = false
  let done = false
  return {
    quitting: () => quitting,
    /** The syncs are stopped and the database closed: the app may now really quit. */
    done: () => done,
    begin(reason: string, deadlineMs = QUIT_DEADLINE_MS): void {
      if (quitting) return
      quitting = true
      steps.log.info('quitting', { reason })
      let timer: unknown
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = steps.clock.setTimeout(() => resolve('deadline'), deadlineMs)
      })
      void Promise.race([steps.stopSyncs().then(() => 'stopped' as const, () => 'stopped' as const), deadline]).then((how) => {
        steps.clock.clearTimeout(timer)
        if (how === 'deadline') steps.log.warn('syncs still running at the quit deadline; quitting anyway', { deadlineMs })
        try {
          steps.closeStore()
        } catch (error) {
          steps.log.error('closing the database failed', { error: error instanceof Error ? error.message : String(error) })
        }
        done = true
        steps.exit()
        steps.clock.setTimeout(() => {
          steps.log.warn('the quit did not happen; ending the process')
          steps.forceExit()
        }, FORCE_EXIT_AFTER_MS)
      })
    },
  }
}
