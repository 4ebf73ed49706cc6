import pLimit from 'p-limit'
import { formatCharacterRef } from '../../shared/domain/realm.ts'
import { listCharacters, type TrackedCharacter } from '../store/characters-repo.ts'
import { outcomeFailed, settleSync, type SyncOutcome } from '../sync/sync-result.ts'
import { reportFromSync } from '../sync/vault-report.ts'
import { EXIT, oneCharacter, print, summary, tracked, usage, wholeNumber, withCore, type CliIo, type CliOptions } from './cli-kit.ts'
import { formatVault } from './format.ts'

/** The sync domain on the command line: sync one or all characters now, then print their vaults. */

/** How long `sync` may take in all, unless --time-limit says otherwise. */
const DEFAULT_SYNC_TIME_LIMIT_S = 120

export async function sync(args: string[], options: CliOptions, io: CliIo): Promise<number> {
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
    // The game's own files first (in a worker): the vaults printed below include what they say.
    const { refreshGameSaves } = await import('../game/game-saves.ts')
    const game = await refreshGameSaves(core, options['wow-dir'], io.env)
    if (!options.json) for (const file of game?.report.files ?? []) if (file.problem) io.stderr(`Game file ${file.path} ${file.problem}.\n`)
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
