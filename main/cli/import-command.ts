import { countOf } from '../../shared/domain/labels.ts'
import { formatCharacterRef, parseRegion } from '../../shared/domain/realm.ts'
import type { ImportCandidate, ImportList } from '../../shared/ipc-api.ts'
import type { Result } from '../../shared/result.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import type { TrackedPicks } from '../import/import-service.ts'
import { EXIT, print, usage, wholeNumber, withCore, type CliIo, type CliOptions } from './cli-kit.ts'

/**
 * The import domain on the command line: `import account`, `import guild` and `import pc`, the numbered list a
 * player picks from, the answer they type ("1,3-5", "all", or nothing) and the JSON printed with
 * --json (a public contract: README "Command-line tool"). The import code itself loads only when run.
 */

/** `  1. Jaina · Azjol-Nerub · Mage · 90 · rank 3` (already tracked ones marked, not numbered). */
export function formatImportList(list: ImportList): string {
  const lines = [`${list.title}: ${countOf(list.candidates.length, 'character')}`]
  let number = 0
  for (const c of list.candidates) {
    const facts = [c.realmName ?? c.realm, c.className ?? 'class unknown', c.level === null ? 'level ?' : String(c.level), ...(c.rank === null ? [] : [`rank ${c.rank}`])]
    lines.push(c.tracked ? `   –  ${c.name} · ${facts.join(' · ')} (already tracked)` : `  ${String((number += 1)).padStart(2)}. ${c.name} · ${facts.join(' · ')}`)
  }
  for (const note of list.notes) lines.push(`Note: ${note}`)
  return `${lines.join('\n')}\n`
}

/** The characters still to track, in the numbering of formatImportList. */
export function selectable(list: ImportList): ImportCandidate[] {
  return list.candidates.filter((c) => !c.tracked)
}

/**
 * Which of `count` numbered characters the player picked: "all", a list of numbers and ranges
 * ("1, 3-5"), or nothing (an empty answer picks none). Undefined when the answer makes no sense.
 */
export function parseSelection(answer: string, count: number): number[] | undefined {
  const text = answer.trim().toLowerCase()
  if (text === '' || text === 'none' || text === 'n') return []
  if (text === 'all' || text === 'a') return Array.from({ length: count }, (_, i) => i)
  const picked = new Set<number>()
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!range) return undefined
    const from = Number(range[1])
    const to = Number(range[2] ?? range[1])
    if (from < 1 || to > count || from > to) return undefined
    for (let n = from; n <= to; n += 1) picked.add(n - 1)
  }
  return [...picked].sort((a, b) => a - b)
}

const summary = (c: Pick<TrackedCharacter, 'region' | 'realm' | 'name'>) => ({ region: c.region, realm: c.realm, name: c.name })

/** `import … --json`: the list as found, then what was tracked (empty unless picked or --yes). */
export function importJson(list: ImportList, tracked: readonly TrackedCharacter[], alreadyTracked: readonly TrackedCharacter[], refused: TrackedPicks['refused'] = []) {
  return {
    title: list.title,
    source: list.source,
    candidates: list.candidates.map(({ region, realm, realmName, name, className, level, rank, tracked: isTracked }) => ({ region, realm, realmName, name, className, level, rank, tracked: isTracked })),
    notes: list.notes,
    tracked: tracked.map(summary),
    alreadyTracked: alreadyTracked.map(summary),
    refused: refused.map(({ region, realm, name, reason }) => ({ region, realm, name, reason })),
  }
}

export function trackedLine(characters: readonly TrackedCharacter[]): string {
  return characters.length === 0 ? 'Nothing tracked.\n' : `Now tracking ${characters.map(formatCharacterRef).join(', ')}. Run "sync" to fill their vaults.\n`
}

export async function importCharacters(args: string[], options: CliOptions, io: CliIo): Promise<number> {
  const [kind, ...rest] = args
  const { importFromAccount, importFromGuild, importFromThisPc, trackPicks, BLIZZARD_CLIENTS_URL } = await import('../import/import-service.ts')
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
  } else if (kind === 'pc') {
    if (rest.length > 0) return usage(io, `"import pc" takes no arguments, got: ${rest.join(' ')}`)
    if (rank.value !== undefined || level.value !== undefined || port.value !== undefined) return usage(io, '--rank, --min-level and --port are not for "import pc".')
  } else {
    return usage(io, '"import" takes "account", "guild" or "pc", for example: import account, import guild "us/Area 52/Endless Climb", or import pc')
  }
  if (kind !== 'pc' && options['wow-dir'] !== undefined) return usage(io, '--wow-dir is for "import pc".')
  const region = parseRegion(kind === 'guild' ? (rest[0] as string).split('/')[0] ?? '' : options.region ?? 'us')
  if (!region.ok) return usage(io, region.error.message)
  if (kind === 'pc') {
    const { findGame } = await import('../game/game-report.ts')
    const game = findGame(options['wow-dir'], io.env)
    if (!game.ok) {
      io.stderr(`${game.message}\n`)
      return EXIT.notFound
    }
    // The region the player gave, else the one the game's configuration names (importFromThisPc).
    const given = options.region === undefined ? undefined : region.value
    return withCore(options, io, async (core) => pickAndTrack(importFromThisPc(core.store.db, game.found, given), options, io, (picks) => trackPicks(core, picks)))
  }
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
    return pickAndTrack(found, options, io, (picks) => trackPicks(core, picks))
  })
}

/**
 * The list found, then the player's picks (numbers at the prompt, all with --yes, none without a
 * terminal), tracked, and the outcome as text or JSON; the same for every kind of import.
 */
async function pickAndTrack(found: Result<ImportList>, options: CliOptions, io: CliIo, track: (picks: ImportCandidate[]) => TrackedPicks): Promise<number> {
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
  const { added, alreadyTracked, refused } = track(picks)
  if (options.json) print(io, options, importJson(list, added, alreadyTracked, refused), '')
  else {
    if (options.yes || open.length === 0) io.stdout(formatImportList(list))
    io.stdout(trackedLine(added))
    for (const r of refused) io.stderr(`Not tracked: ${r.region}/${r.realm}/${r.name}: ${r.reason}\n`)
  }
  return refused.length > 0 ? EXIT.failed : EXIT.ok
}
