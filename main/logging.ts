import { formatCharacterRef } from '../shared/domain/realm.ts'
import { SOURCE_IDS } from '../shared/domain/types.ts'
import { redactCredentials } from '../shared/redact.ts'
import { CONTROL_OR_BIDI, escapeControlOrBidi } from '../shared/inert-text.ts'
import type { TrackedCharacter } from './store/characters-repo.ts'
import type { SyncEvents } from './sync/events.ts'

/**
 * Where the app writes what happened: electron-log's rotating file in the desktop app, stderr for the
 * CLI's --verbose, nothing in tests. Context is a flat record so every line can be grepped.
 */
export interface Logger {
  info(message: string, context?: LogContext): void
  warn(message: string, context?: LogContext): void
  error(message: string, context?: LogContext): void
}
export type LogContext = Record<string, string | number | boolean | null | undefined>
export type LogLevel = keyof Logger

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/**
 * `message key=value key="two words"`: context after the message, secrets redacted (shared/redact.ts),
 * and always one line: a control character or a bidirectional override from a source (a name, an error
 * text) is written as `\u001b` and the like, so it can neither break the line nor reach a terminal that
 * shows the log.
 */
export function logLine(message: string, context: LogContext = {}): string {
  const pairs = Object.entries(context)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && NEEDS_QUOTES.test(value) ? JSON.stringify(value) : String(value)}`)
  return escapeControlOrBidi(redactCredentials([message, ...pairs].join(' ')))
}

const NEEDS_QUOTES = new RegExp(`[\\s"=${CONTROL_OR_BIDI}]`, 'u')

/** A logger writing one timestamped line per entry (the CLI's --verbose writes to stderr). */
export function createLineLogger(write: (line: string) => void, now: () => number = Date.now): Logger {
  const at = (level: LogLevel) => (message: string, context?: LogContext) => write(`${new Date(now()).toISOString()} ${level.padEnd(5)} ${logLine(message, context)}\n`)
  return { info: at('info'), warn: at('warn'), error: at('error') }
}

/**
 * Logs every sync outcome and every source error once, with the character it concerns, for as long
 * as `events` lives. `characterOf` finds a character by id (the events carry only ids).
 */
export function logSyncEvents(events: SyncEvents, log: Logger, characterOf: (id: number) => TrackedCharacter | undefined): void {
  const who = (id: number) => {
    const character = characterOf(id)
    return character ? formatCharacterRef(character) : `character #${id}`
  }
  events.on('source:finished', ({ characterId, source, report }) => {
    if (report.status === 'error') log.warn('source failed', { character: who(characterId), source, code: report.error?.code, error: report.error?.message })
  })
  events.on('character:finished', ({ characterId, result }) => {
    const unlocked = (slots: readonly { unlocked: boolean }[]) => slots.filter((s) => s.unlocked).length
    const sources = SOURCE_IDS.map((source) => `${source}:${result.sources[source].status}`).join(',')
    log.info('sync finished', { character: who(characterId), raid: unlocked(result.vault.raid.slots), dungeons: unlocked(result.vault.dungeons.slots), world: unlocked(result.vault.world.slots), sources })
  })
  events.on('character:failed', ({ characterId, message }) => {
    log.error('sync failed', { character: who(characterId), error: message })
  })
}
