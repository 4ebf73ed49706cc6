import { join } from 'node:path'
import { app } from 'electron'
import electronLog from 'electron-log/main'
import { logLine, type Logger } from '../logging.ts'

/** Log files rotate at this size (main.log → main.old.log), so a week of hourly syncs never grows without bound. */
const MAX_LOG_BYTES = 2 * 1024 * 1024

/**
 * electron-log writing to the OS's logs folder for the app (Linux ~/.config/Vault Companion/logs,
 * macOS ~/Library/Logs/Vault Companion, Windows %APPDATA%\Vault Companion\logs). Console output too
 * while developing.
 */
export function createAppLogger(): { log: Logger; logsFolder: string } {
  app.setAppLogsPath()
  const logsFolder = app.getPath('logs')
  electronLog.transports.file.resolvePathFn = () => join(logsFolder, 'main.log')
  electronLog.transports.file.maxSize = MAX_LOG_BYTES
  electronLog.transports.file.level = 'info'
  electronLog.transports.console.level = app.isPackaged ? false : 'info'
  const log: Logger = {
    info: (message, context) => electronLog.info(logLine(message, context)),
    warn: (message, context) => electronLog.warn(logLine(message, context)),
    error: (message, context) => electronLog.error(logLine(message, context)),
  }
  return { log, logsFolder }
}
