import { formatCharacterRef, parseCharacterRef } from '../../shared/domain/realm.ts'
import type { CharacterRef } from '../../shared/domain/types.ts'
import { escapeControlOrBidi } from '../../shared/inert-text.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { Core } from '../composition.ts'
import { defaultDataDir } from '../data-dir.ts'
import { openLocalCore, type LocalCore } from '../local-core.ts'
import { findCharacter, getCharacter, type TrackedCharacter } from '../store/characters-repo.ts'
import { isStorageFailure, storeErrorFrom } from '../store/store-error.ts'

/**
 * What every CLI command shares: where it writes, its exit codes and options, and the helpers that
 * open the core (the network stack only for the commands that need it) and print text or JSON.
 * The commands themselves live with their domain (characters-command.ts, sync-command.ts, …) and
 * run.ts is their registry.
 */

/** Where the CLI writes and what it reads from its surroundings; injected so tests capture it. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  env: NodeJS.ProcessEnv
  now(): number
  /** How long a write waits for another process's lock (tests shorten the 5 s default). */
  busyTimeoutMs?: number
  /** Asks the player a question and resolves to the typed line; absent when stdin is not a terminal. */
  prompt?(question: string): Promise<string>
  /** Shows Blizzard's sign-in page (tests follow it like a browser); by default its address is printed. */
  openBrowser?(url: string): void
}

/** Exit codes: 0 ok; 1 at least one sync failed or the database is unusable; 2 bad usage or input; 3 character not found (or gone from every source). */
export const EXIT = { ok: 0, failed: 1, usage: 2, notFound: 3 } as const

/** The parsed options every command receives. */
export type CliOptions = { json: boolean; csv: boolean; realm?: string; guild?: string; verbose: boolean; yes: boolean; port?: string; rank?: string; 'min-level'?: string; 'data-dir'?: string; region?: string; at?: string; week?: string; weeks?: string; 'time-limit'?: string; webhook?: string; 'wow-dir'?: string }

/** One command: its arguments after the name, the options, the IO; resolves to the exit code. */
export type CliCommand = (args: string[], options: CliOptions, io: CliIo) => Promise<number> | number

/** A whole-number option within bounds: undefined when absent, an error saying what it takes when malformed. */
export function wholeNumber(value: string | undefined, name: string, min: number, max: number, what = 'a whole number'): Result<number | undefined> {
  if (value === undefined) return ok(undefined)
  const number = Number(value)
  return /^\d+$/.test(value) && number >= min && number <= max ? ok(number) : err('INVALID_INPUT', `--${name} takes ${what} from ${min} to ${max}, got "${value}".`)
}

/** Commands that reach the sources: the clients (and their libraries) load only for them. */
export async function withCore(options: CliOptions, io: CliIo, work: (core: Core) => Promise<number>): Promise<number> {
  const [{ createCore }, { createFileTokenStore }, { createLineLogger, logSyncEvents }] = await Promise.all([import('../composition.ts'), import('../file-token-store.ts'), import('../logging.ts')])
  const dataDir = options['data-dir'] ?? defaultDataDir(io.env)
  const core = createCore({ dataDir, env: io.env, now: io.now, busyTimeoutMs: io.busyTimeoutMs, tokenStore: createFileTokenStore(dataDir, io.now) })
  if (options.verbose) logSyncEvents(core.events, createLineLogger(io.stderr, io.now), (id) => getCharacter(core.store.db, id))
  return using(core, work)
}

/**
 * Commands that only read or edit the database: no network code is loaded, so they start quickly.
 * Those that only read skip the page-by-page check at open, which grows with the file; damage a read
 * meets is still reported (see `using`).
 */
export function withLocalCore(options: CliOptions, io: CliIo, access: 'read' | 'write', work: (core: LocalCore) => Promise<number>): Promise<number> {
  return using(openLocalCore({ dataDir: options['data-dir'] ?? defaultDataDir(io.env), env: io.env, now: io.now, busyTimeoutMs: io.busyTimeoutMs, checkWholeFile: access === 'write' }), work)
}

async function using<C extends LocalCore>(core: C, work: (core: C) => Promise<number>): Promise<number> {
  try {
    return await work(core)
  } catch (error) {
    // Any write outside the sync transaction (track, untrack) can meet a busy, full or read-only disk.
    if (isStorageFailure(error)) throw storeErrorFrom(error, core.store.path, 'finish the command')
    throw error
  } finally {
    core.close()
  }
}

export function oneCharacter(args: string[], command: string, io: CliIo): CharacterRef | number {
  if (args.length !== 1) return usage(io, `"${command}" takes one character as region/realm/name, for example: ${command} "us/Area 52/Thrall"`)
  const ref = parseCharacterRef(args[0] as string)
  if (!ref.ok) return usage(io, ref.error.message)
  return ref.value
}

export function tracked(core: LocalCore, ref: CharacterRef, io: CliIo): TrackedCharacter | undefined {
  const character = findCharacter(core.store.db, ref)
  if (!character) io.stderr(`${formatCharacterRef(ref)} is not tracked. Track it first: track "${formatCharacterRef(ref)}"\n`)
  return character
}

export function summary(character: TrackedCharacter) {
  return { region: character.region, realm: character.realm, name: character.name }
}

export function print(io: CliIo, options: Pick<CliOptions, 'json'>, json: unknown, human: string): void {
  // The exact text, with controls and bidi marks as \u escapes: the same JSON, inert on a terminal.
  io.stdout(options.json ? `${escapeControlOrBidi(JSON.stringify(json, null, 2), '\n')}\n` : human)
}

/** A bad call: what was wrong and one line on where to read more (not the whole help). */
export function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\nRun "vault-companion help" for the commands and options.\n`)
  return EXIT.usage
}
