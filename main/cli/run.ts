import { parseArgs } from 'node:util'
import pLimit from 'p-limit'
import * as z from 'zod/mini'
import { formatCharacterRef, parseCharacterRef, parseRegion } from '../../shared/domain/realm.ts'
import { previousWeek, RESET_RULES, weekContaining } from '../../shared/domain/reset.ts'
import type { CharacterRef } from '../../shared/domain/types.ts'
import type { Core } from '../composition.ts'
import { ConfigError } from '../config.ts'
import { defaultDataDir } from '../data-dir.ts'
import { openLocalCore, type LocalCore } from '../local-core.ts'
import { addCharacter, findCharacter, getCharacter, listCharacters, removeCharacter, type TrackedCharacter } from '../store/characters-repo.ts'
import { isStorageFailure, StoreError, storeErrorFrom } from '../store/store-error.ts'
import { outcomeFailed, settleSync, type SyncOutcome } from '../sync/sync-result.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { reportFromStore, reportFromSync } from '../sync/vault-report.ts'
import { formatVault } from './format.ts'
import { terminalSafe } from './terminal-text.ts'

/** How long `sync` may take in all, unless --time-limit says otherwise. */
const DEFAULT_SYNC_TIME_LIMIT_S = 120

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

const USAGE = `Usage: vault-companion <command> [options]

Commands:
  track <region>/<realm>/<name>     check the character exists, then track it
  untrack <region>/<realm>/<name>   stop tracking it (its stored data is deleted)
  list                              tracked characters
  sync [<region>/<realm>/<name>] [--time-limit SECONDS]
                                    sync one or all tracked characters now (at most 120 s
                                    in all unless said otherwise), then print their vaults
  import account [--region us] [--port N] [--yes]
                                    sign in on Blizzard's page (your own API client) and
                                    pick which of your account's characters to track
  import guild <region>/<realm>/<guild> [--rank N] [--min-level N] [--yes]
                                    pick guild members to track (ranks 0 to N)
  vault <region>/<realm>/<name> [--week previous|YYYY-MM-DD]
                                    the stored vault of this week (or an earlier one), no network
  week [--region us] [--at ISO]     the weekly reset window
  status                            the data folder, each region's season and the season
                                    tables in use (and any dropped-in table that is not)
  help                              this text

Options:
  --json            print JSON only on stdout
  --data-dir DIR    database folder (default: the desktop app's; also VAULT_DATA_DIR)
  --verbose         log each source's outcome and every error to stderr as it happens
  --yes             import: track every character listed, without asking

Realms may be given as display names ("Area 52", "Mal'Ganis") or slugs (area-52).
Exit codes: 0 ok, 1 a sync failed (results still stored and printed), 2 bad usage,
3 not found (not tracked, or every source says the character no longer exists).
`

type Options = { json: boolean; verbose: boolean; yes: boolean; port?: string; rank?: string; 'min-level'?: string; 'data-dir'?: string; region: string; at?: string; week?: string; 'time-limit'?: string }

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Nothing a source sent (or a stray argument) reaches the terminal as a control sequence; --json stays exact.
  let json = false
  const io: CliIo = { ...rawIo, stdout: (text) => rawIo.stdout(json ? text : terminalSafe(text)), stderr: (text) => rawIo.stderr(terminalSafe(text)) }
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        port: { type: 'string' },
        rank: { type: 'string' },
        'min-level': { type: 'string' },
        'data-dir': { type: 'string' },
        region: { type: 'string', default: 'us' },
        at: { type: 'string' },
        week: { type: 'string' },
        'time-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  json = values.json
  const [command = 'help', ...args] = positionals
  if (values.help || command === 'help') {
    io.stdout(USAGE)
    return EXIT.ok
  }
  const commands: Record<string, (args: string[], options: Options, io: CliIo) => Promise<number> | number> = { track, untrack, list, sync, vault, week, status, import: importCharacters }
  // Own properties only: "constructor" or "__proto__" are not commands.
  const handler = Object.hasOwn(commands, command) ? commands[command] : undefined
  if (!handler) return usage(io, `Unknown command "${command}".`)
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') return usage(io, '--data-dir needs a folder; leave it out to use the default.')
  try {
    return await handler(args, values, io)
  } catch (error) {
    if (error instanceof StoreError) {
      io.stderr(`${error.message}\n`)
      return EXIT.failed
    }
    if (error instanceof ConfigError) {
      io.stderr(`${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
}

function week(args: string[], options: Options, io: CliIo): number {
  if (args.length > 0) return usage(io, `"week" takes no arguments, got: ${args.join(' ')}`)
  const region = parseRegion(options.region)
  if (!region.ok) return usage(io, region.error.message)
  const at = options.at === undefined ? io.now() : parseInstant(options.at)
  if (at === undefined) return usage(io, `--at takes a full ISO 8601 time with its zone between ${MIN_YEAR} and ${MAX_YEAR}, like 2026-11-24T15:30:00Z; got "${options.at}".`)
  const window = weekContaining(region.value, at)
  const rule = RESET_RULES[region.value]
  const json = { region: region.value, period: window.period, start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), origin: window.origin, rule: rule.description, confidence: rule.confidence }
  const note = rule.confidence === 'unconfirmed' ? ' (unconfirmed for this region)' : ''
  print(io, options, json, `${region.value.toUpperCase()} week ${window.period}: ${json.start} → ${json.end}\nResets ${rule.description}${note}; computed without network.\n`)
  return EXIT.ok
}

function status(args: string[], options: Options, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"status" takes no arguments, got: ${args.join(' ')}`)
  const dataDir = options['data-dir'] ?? defaultDataDir(io.env)
  return withLocalCore(options, io, 'read', async (core) => {
    const { statusReport, formatStatus } = await import('./status-command.ts')
    const report = statusReport(core, dataDir)
    print(io, options, report, formatStatus(report))
    return EXIT.ok
  })
}

async function track(args: string[], options: Options, io: CliIo): Promise<number> {
  const ref = oneCharacter(args, 'track', io)
  if (typeof ref === 'number') return ref
  return withCore(options, io, async (core) => {
    const existing = findCharacter(core.store.db, ref)
    if (existing) {
      print(io, options, { character: summary(existing), created: false }, `Already tracking ${formatCharacterRef(existing)}.\n`)
      return EXIT.ok
    }
    const { validateCharacter } = await import('../sync/validate-character.ts')
    const checked = await validateCharacter(core.clients, ref)
    if (!checked.ok) {
      io.stderr(`${checked.error.message}\n`)
      return checked.error.code === 'UNKNOWN_CHARACTER' ? EXIT.notFound : EXIT.failed
    }
    const { character } = addCharacter(core.store.db, checked.value, core.now())
    print(io, options, { character: summary(character), created: true }, `Now tracking ${formatCharacterRef(character)}. Run "sync" to fill its vault.\n`)
    return EXIT.ok
  })
}

function untrack(args: string[], options: Options, io: CliIo): Promise<number> | number {
  const ref = oneCharacter(args, 'untrack', io)
  if (typeof ref === 'number') return ref
  return withLocalCore(options, io, 'write', async (core) => {
    const character = tracked(core, ref, io)
    if (!character) return EXIT.notFound
    removeCharacter(core.store.db, character.id)
    print(io, options, { character: summary(character), removed: true }, `Stopped tracking ${formatCharacterRef(character)}.\n`)
    return EXIT.ok
  })
}

function list(args: string[], options: Options, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"list" takes no arguments, got: ${args.join(' ')}`)
  return withLocalCore(options, io, 'read', async (core) => {
    const characters = listCharacters(core.store.db).map(summary)
    const human = characters.length === 0 ? 'No characters tracked yet.\n' : characters.map((c) => `${c.region}/${c.realm}/${c.name}`).join('\n') + '\n'
    print(io, options, { characters }, human)
    return EXIT.ok
  })
}

async function sync(args: string[], options: Options, io: CliIo): Promise<number> {
  if (args.length > 1) return usage(io, `"sync" takes at most one character, got: ${args.join(' ')}`)
  const ref = args.length === 1 ? oneCharacter(args, 'sync', io) : undefined
  if (typeof ref === 'number') return ref
  const timeLimit = wholeNumber(options['time-limit'], 'time-limit', 1, 3600, 'a whole number of seconds')
  if (!timeLimit.ok) return usage(io, timeLimit.error.message)
  const limitSeconds = timeLimit.value ?? DEFAULT_SYNC_TIME_LIMIT_S
  return withCore(options, io, async (core) => {
    let characters: TrackedCharacter[]
    if (ref) {
      const character = tracked(core, ref, io)
      if (!character) return EXIT.notFound
      characters = [character]
    } else {
      characters = listCharacters(core.store.db)
    }
    const { CONCURRENT_CHARACTERS } = await import('../composition.ts')
    const limit = pLimit(CONCURRENT_CHARACTERS)
    // The whole run has one deadline: a stalled or rate-limited source cannot keep the command waiting.
    const signal = AbortSignal.timeout(limitSeconds * 1000)
    // Each character succeeds or fails on its own; the store stays open until every sync has settled.
    const outcomes = await Promise.all(
      characters.map((character) =>
        limit((): Promise<SyncOutcome> => {
          if (signal.aborted) return Promise.resolve({ ok: false, character, message: `not started: the run reached its ${limitSeconds} s limit` })
          if (!options.json) io.stderr(`Syncing ${formatCharacterRef(character)}…\n`)
          return settleSync(character, core.sync.syncCharacter(character, { force: true, signal }))
        }),
      ),
    )
    const { createLineLogger, silentLogger } = await import('../logging.ts')
    const log = options.verbose ? createLineLogger(io.stderr, io.now) : silentLogger
    for (const o of outcomes) if (!o.ok) log.error('sync failed', { character: formatCharacterRef(o.character), error: o.message })
    const reports = outcomes.flatMap((o) => (o.ok ? [reportFromSync(o.result)] : []))
    const errors = outcomes.flatMap((o) => (o.ok ? [] : [{ character: summary(o.character), error: o.message }]))
    const gone = outcomes.flatMap((o) => (o.ok && o.result.notFound ? [o.character] : []))
    const human = reports.length === 0 && errors.length === 0 ? 'No characters tracked yet.\n' : reports.map(formatVault).join('\n')
    print(io, options, { results: reports, errors }, human)
    if (!options.json) {
      for (const { character, error } of errors) io.stderr(`${formatCharacterRef(character)} could not be synced: ${error}\n`)
      for (const character of gone) io.stderr(`${formatCharacterRef(character)}: every source says this character does not exist (renamed, transferred or deleted?). Untrack it with: untrack "${formatCharacterRef(character)}"\n`)
    }
    if (gone.length > 0) return EXIT.notFound
    return outcomes.some(outcomeFailed) ? EXIT.failed : EXIT.ok
  })
}

/** A whole-number option within bounds: undefined when absent, an error saying what it takes when malformed. */
function wholeNumber(value: string | undefined, name: string, min: number, max: number, what = 'a whole number'): Result<number | undefined> {
  if (value === undefined) return ok(undefined)
  const number = Number(value)
  return /^\d+$/.test(value) && number >= min && number <= max ? ok(number) : err('INVALID_INPUT', `--${name} takes ${what} from ${min} to ${max}, got "${value}".`)
}

async function importCharacters(args: string[], options: Options, io: CliIo): Promise<number> {
  const [kind, ...rest] = args
  const { formatImportList, importJson, parseSelection, selectable, trackedLine } = await import('./import-command.ts')
  const { importFromAccount, importFromGuild, trackPicks, BLIZZARD_CLIENTS_URL } = await import('../import/import-service.ts')
  const { readAppSettings } = await import('../app-settings.ts')
  const rank = wholeNumber(options.rank, 'rank', 0, 9)
  if (!rank.ok) return usage(io, rank.error.message)
  const level = wholeNumber(options['min-level'], 'min-level', 1, 100)
  if (!level.ok) return usage(io, level.error.message)
  const port = wholeNumber(options.port, 'port', 1024, 65535)
  if (!port.ok) return usage(io, port.error.message)
  if (kind === 'account') {
    if (rest.length > 0) return usage(io, `"import account" takes no arguments, got: ${rest.join(' ')}`)
    if (rank.value !== undefined || level.value !== undefined) return usage(io, '--rank and --min-level are for "import guild".')
  } else if (kind === 'guild') {
    if (rest.length !== 1) return usage(io, '"import guild" takes one guild as region/realm/guild, for example: import guild "us/Area 52/Endless Climb"')
    if (port.value !== undefined) return usage(io, '--port is for "import account".')
  } else {
    return usage(io, '"import" takes "account" or "guild", for example: import account, or import guild "us/Area 52/Endless Climb"')
  }
  const region = parseRegion(kind === 'guild' ? (rest[0] as string).split('/')[0] ?? '' : options.region)
  if (!region.ok) return usage(io, region.error.message)
  return withCore(options, io, async (core) => {
    let found
    if (kind === 'account') {
      found = await importFromAccount(core, {
        region: region.value,
        port: port.value ?? readAppSettings(core.store.db).importPort,
        openBrowser: (url, redirectUri) => {
          io.stderr(`Sign in on Blizzard's page to let Vault Companion list your characters (waiting up to 5 minutes):\n  ${url}\nYour Blizzard API client must list ${redirectUri} as a redirect URL (${BLIZZARD_CLIENTS_URL}).\n`)
          io.openBrowser?.(url)
        },
      })
    } else {
      const [, realm = '', ...guildParts] = (rest[0] as string).split('/')
      const guild = guildParts.join('/')
      if (!realm.trim() || !guild.trim()) return usage(io, 'Expected region/realm/guild, for example: import guild "us/Area 52/Endless Climb"')
      found = await importFromGuild(core, { region: region.value, realm, guild }, { maxRank: rank.value, minLevel: level.value })
    }
    if (!found.ok) {
      io.stderr(`${found.error.message}\n`)
      return found.error.code === 'UNKNOWN_CHARACTER' ? EXIT.notFound : found.error.code === 'INVALID_INPUT' ? EXIT.usage : EXIT.failed
    }
    const list = found.value
    const open = selectable(list)
    let picks = options.yes ? open : []
    if (!options.yes && !options.json && open.length > 0) {
      io.stdout(formatImportList(list))
      if (!io.prompt) {
        io.stdout(`Nothing tracked: run again with --yes to track all ${open.length}, or track them one by one with "track".\n`)
        return EXIT.ok
      }
      const chosen = parseSelection(await io.prompt(`Track which? Numbers like 1,3-5, "all", or Enter for none: `), open.length)
      if (chosen === undefined) return usage(io, `Answer with numbers from 1 to ${open.length} (like 1,3-5), "all", or nothing; nothing was tracked.`)
      picks = chosen.map((i) => open[i] as (typeof open)[number])
    }
    const { added, alreadyTracked, refused } = trackPicks(core, picks)
    if (options.json) print(io, options, importJson(list, added, alreadyTracked, refused), '')
    else {
      if (options.yes || open.length === 0) io.stdout(formatImportList(list))
      io.stdout(trackedLine(added))
      for (const r of refused) io.stderr(`Not tracked: ${r.region}/${r.realm}/${r.name}: ${r.reason}\n`)
    }
    return refused.length > 0 ? EXIT.failed : EXIT.ok
  })
}

function vault(args: string[], options: Options, io: CliIo): Promise<number> | number {
  const ref = oneCharacter(args, 'vault', io)
  if (typeof ref === 'number') return ref
  const choice = parseWeekChoice(options.week)
  if (choice === undefined) return usage(io, `--week takes "previous" or a date like 2026-11-24, got "${options.week}".`)
  return withLocalCore(options, io, 'read', async (core) => {
    const character = tracked(core, ref, io)
    if (!character) return EXIT.notFound
    const current = core.season.weekAt(character.region, io.now())
    const window =
      choice === 'current' ? current : choice === 'previous' ? previousWeek(current, core.season.storedPeriods()) : core.season.weekAt(character.region, choice)
    const report = reportFromStore(core.store.db, character, window, core.config, core.season, io.now())
    print(io, options, report, formatVault(report))
    return EXIT.ok
  })
}

/** Dates outside these years are typos (the game's weekly periods began in 2004). */
const MIN_YEAR = 2004
const MAX_YEAR = 2100

/** Real calendar dates (2026-02-30 is refused) and full instants with seconds and a zone (Z or ±hh:mm). */
const calendarDate = z.iso.date()
const instantWithZone = z.iso.datetime({ offset: true })

const inYears = (at: number) => {
  const year = new Date(at).getUTCFullYear()
  return year >= MIN_YEAR && year <= MAX_YEAR
}

/** `--week`: absent = this week, "previous", or a calendar date (the week containing noon UTC of that day). */
function parseWeekChoice(value: string | undefined): 'current' | 'previous' | number | undefined {
  if (value === undefined) return 'current'
  if (value === 'previous') return 'previous'
  if (!calendarDate.safeParse(value).success) return undefined
  const noon = Date.parse(`${value}T12:00:00Z`)
  return inYears(noon) ? noon : undefined
}

/** `--at`: a full ISO 8601 instant with its zone. */
function parseInstant(value: string): number | undefined {
  if (!instantWithZone.safeParse(value).success) return undefined
  const at = Date.parse(value)
  return inYears(at) ? at : undefined
}

/** Commands that reach the sources: the clients (and their libraries) load only for them. */
async function withCore(options: Options, io: CliIo, work: (core: Core) => Promise<number>): Promise<number> {
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
function withLocalCore(options: Options, io: CliIo, access: 'read' | 'write', work: (core: LocalCore) => Promise<number>): Promise<number> {
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

function oneCharacter(args: string[], command: string, io: CliIo): CharacterRef | number {
  if (args.length !== 1) return usage(io, `"${command}" takes one character as region/realm/name, for example: ${command} "us/Area 52/Thrall"`)
  const ref = parseCharacterRef(args[0] as string)
  if (!ref.ok) return usage(io, ref.error.message)
  return ref.value
}

function tracked(core: LocalCore, ref: CharacterRef, io: CliIo): TrackedCharacter | undefined {
  const character = findCharacter(core.store.db, ref)
  if (!character) io.stderr(`${formatCharacterRef(ref)} is not tracked. Track it first: track "${formatCharacterRef(ref)}"\n`)
  return character
}

function summary(character: TrackedCharacter) {
  return { region: character.region, realm: character.realm, name: character.name }
}

function print(io: CliIo, options: Pick<Options, 'json'>, json: unknown, human: string): void {
  io.stdout(options.json ? `${JSON.stringify(json, null, 2)}\n` : human)
}

/** A bad call: what was wrong and one line on where to read more (not the whole help). */
function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\nRun "vault-companion help" for the commands and options.\n`)
  return EXIT.usage
}
