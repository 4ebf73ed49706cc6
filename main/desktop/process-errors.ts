import type { Logger } from '../logging.ts'

/** The part of `process` the handlers attach to (tests pass an EventEmitter). */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

export interface FatalErrorActions {
  log: Logger
  /** Tells the player (a dialog) and where the details are; then `exit` ends the app. */
  showFatal(title: string, message: string): void
  exit(code: number): void
  /** Where the log file is, for the dialog. */
  logsFolder: string | null
}

const describe = (value: unknown) => (value instanceof Error ? (value.stack ?? value.message) : String(value))

/**
 * Main-process errors never vanish. An uncaught exception leaves main in an unknown state: it is
 * logged with its stack, the player is told in plain words where the details are, and the app exits
 * (data is safe: every write is a transaction). A rejected promise nobody handled is logged, not fatal:
 * the work that dropped it failed on its own, and the app stays up.
 */
export function catchProcessErrors(proc: ProcessEvents, actions: FatalErrorActions): void {
  let exiting = false
  proc.on('uncaughtException', (error) => {
    actions.log.error('uncaught exception', { error: describe(error) })
    if (exiting) return
    exiting = true
    const where = actions.logsFolder ? ` The details are in the log in ${actions.logsFolder}.` : ''
    actions.showFatal('Vault Companion has to close', `Something went wrong that the app cannot recover from, so it will close. Your stored vaults are safe.${where}`)
    actions.exit(1)
  })
  proc.on('unhandledRejection', (reason) => {
    actions.log.error('unhandled promise rejection', { error: describe(reason) })
  })
}
