import { parseArgs } from 'node:util'
import { ConfigError } from '../config.ts'
import { StoreError } from '../store/store-error.ts'
import { team } from './board-command.ts'
import { list, track, untrack } from './characters-command.ts'
import { digest } from './digest-command.ts'
import { EXIT, usage, type CliCommand, type CliIo } from './cli-kit.ts'
import { history } from './history-command.ts'
import { importCharacters } from './import-command.ts'
import { quests } from './quests-command.ts'
import { status } from './status-command.ts'
import { sync } from './sync-command.ts'
import { terminalSafe } from './terminal-text.ts'
import { vault, week } from './vault-command.ts'

export { EXIT, type CliIo } from './cli-kit.ts'

/**
 * The CLI's registry: the help text, the one table of commands (each lives with its domain), and how
 * what a command throws becomes an exit code. Argument parsing is shared; everything else is the
 * commands'.
 */
const COMMANDS: Readonly<Record<string, CliCommand>> = { track, untrack, list, sync, vault, history, team, digest, quests, week, status, import: importCharacters }

const USAGE = `Usage: vault-companion <command> [options]

Commands:
  track <region>/<realm>/<name>     check the character exists, then track it
  untrack <region>/<realm>/<name>   stop tracking it (its stored data is deleted)
  list                              tracked characters
  sync [<region>/<realm>/<name>] [--time-limit SECONDS] [--wow-dir DIR]
                                    sync one or all tracked characters now (at most 120 s
                                    in all unless said otherwise), with the game's own
                                    saved vault from addons on this PC, then print the vaults
  import account [--region us] [--port N] [--yes]
                                    sign in on Blizzard's page (your own API client) and
                                    pick which of your account's characters to track
  import guild <region>/<realm>/<guild> [--rank N] [--min-level N] [--yes]
                                    pick guild members to track (ranks 0 to N)
  import pc [--wow-dir DIR] [--region eu] [--yes]
                                    pick among the characters played on this PC (the
                                    game's own folders; no sign-in, no network)
  vault <region>/<realm>/<name> [--week previous|YYYY-MM-DD]
                                    the stored vault of this week (or an earlier one), no network
  history <region>/<realm>/<name> [--weeks 8]
                                    the last weeks' vaults from the store (1 to 52), no network
  team [--region eu] [--realm NAME] [--guild NAME] [--csv]
                                    every tracked character in one table (item level, rating,
                                    slots, crests, quests, last week's vault), as text, JSON or
                                    CSV; no network
  digest [--region eu] [--webhook URL]
                                    each region's reset, vaults waiting, who is one step
                                    from a slot, who could not be checked, who is done;
                                    --webhook posts it to a Discord channel; no other network
  quests [add <id> <name> | remove <id>]
                                    the weekly quests every character is checked for, and
                                    whether each character did them this week
  week [--region us] [--at ISO]     the weekly reset window
  status [--wow-dir DIR]            the data folder, each region's season, the season
                                    tables in use (and any dropped-in table that is not)
                                    and the game's folder on this PC
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
        // No default here: `week` and `import` default to us, `team` filters only when it is given.
        region: { type: 'string' },
        at: { type: 'string' },
        week: { type: 'string' },
        weeks: { type: 'string' },
        csv: { type: 'boolean', default: false },
        realm: { type: 'string' },
        guild: { type: 'string' },
        'time-limit': { type: 'string' },
        webhook: { type: 'string' },
        'wow-dir': { type: 'string' },
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
  // Own properties only: "constructor" or "__proto__" are not commands.
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined
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
