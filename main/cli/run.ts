import { parseArgs } from 'node:util'
import { parseRegion } from '../../shared/domain/realm.ts'
import { RESET_RULES, weekContaining } from '../../shared/domain/reset.ts'
import { databasePath, defaultDataDir } from '../data-dir.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { openStore } from '../store/db.ts'
import { StoreError } from '../store/store-error.ts'

/** Where the CLI writes; injected so tests capture output. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  env: NodeJS.ProcessEnv
  now(): number
}

/** Exit codes: 0 ok, 1 a runtime failure (e.g. the database), 2 bad usage or invalid input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const USAGE = `Usage: vault-companion <command> [options]

Commands:
  list                      tracked characters
  week [--region us] [--at 2026-11-24T16:00:00Z]
                            the weekly reset window (computed from the region's fixed UTC reset)
  help                      this text

Options:
  --json                    print JSON only on stdout
  --data-dir DIR            database folder (default: the desktop app's, or VAULT_DATA_DIR)
`

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        region: { type: 'string', default: 'us' },
        at: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    })
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return EXIT.usage
  }
  const { values, positionals } = parsed
  const [command = 'help', ...rest] = positionals
  if (values.help || command === 'help') {
    io.stdout(USAGE)
    return EXIT.ok
  }
  const print = (json: unknown, human: string) => io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : human)

  switch (command) {
    case 'week': {
      if (rest.length > 0) return usage(io, `"week" takes no arguments, got: ${rest.join(' ')}`)
      const region = parseRegion(values.region)
      if (!region.ok) return usage(io, region.error.message)
      const at = values.at === undefined ? io.now() : Date.parse(values.at)
      if (!Number.isFinite(at)) return usage(io, `--at must be an ISO 8601 date, got "${values.at}".`)
      const week = weekContaining(region.value, at)
      const rule = RESET_RULES[region.value]
      const json = { region: region.value, period: week.period, start: new Date(week.start).toISOString(), end: new Date(week.end).toISOString(), origin: week.origin, rule: rule.description, confidence: rule.confidence }
      const note = rule.confidence === 'unconfirmed' ? ' (unconfirmed for this region)' : ''
      print(json, `${region.value.toUpperCase()} week ${week.period}: ${json.start} → ${json.end}\nResets ${rule.description}${note}; computed without network.\n`)
      return EXIT.ok
    }
    case 'list': {
      if (rest.length > 0) return usage(io, `"list" takes no arguments, got: ${rest.join(' ')}`)
      const dataDir = values['data-dir'] ?? defaultDataDir(io.env)
      let store
      try {
        store = openStore(databasePath(dataDir))
      } catch (error) {
        if (error instanceof StoreError) {
          io.stderr(`${error.message}\n`)
          return EXIT.failed
        }
        throw error
      }
      try {
        const characters = listCharacters(store.db).map(({ region, realm, name }) => ({ region, realm, name }))
        const human = characters.length === 0 ? 'No characters tracked yet.\n' : characters.map((c) => `${c.region}/${c.realm}/${c.name}`).join('\n') + '\n'
        print({ characters }, human)
        return EXIT.ok
      } finally {
        store.close()
      }
    }
    default:
      return usage(io, `Unknown command "${command}".`)
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`)
  return EXIT.usage
}
