import { seasonView, tableInfo, type SeasonTableInfo } from '../../shared/domain/live-season.ts'
import { utcTime } from '../../shared/domain/labels.ts'
import { teamRow, type TeamRow } from '../../shared/domain/team-table.ts'
import { REGIONS, type Region } from '../../shared/domain/types.ts'
import type { TrackedQuest } from '../../shared/domain/weekly-quests.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { findGame, gameReport, type GameReport } from '../game/game-report.ts'
import { gameSavesStatus } from '../game/game-status.ts'
import type { GameAddon } from '../../shared/domain/game-save.ts'
import type { VaultRow } from '../../shared/domain/types.ts'
import type { LocalCore } from '../local-core.ts'
import { defaultDataDir } from '../data-dir.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { listTrackedQuests } from '../store/quest-checks-repo.ts'
import { EXIT, print, usage, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/**
 * The season domain on the command line: `status`, from the store and the data folder only.
 */

/** `status --json` (README "status"): where the data lives, which season each region is in, and which season tables are in use. */
export interface StatusReport {
  dataDir: string
  database: string
  characters: number
  /** When Raider.IO's season list was last fetched (null: never; the tables' own calendar is used until then). */
  seasonListFetchedAt: string | null
  regions: {
    region: Region
    week: { period: number; start: string; end: string }
    season: { status: string; id: string | null; name: string | null; tableKnown: boolean; table: string | null; origin: string; assumed: boolean; message: string | null }
  }[]
  tables: SeasonTableInfo[]
  /** Season table files in the data folder that are not used, and why (the file and the field). */
  problems: string[]
  /** The weekly quests every character is checked for. */
  trackedQuests: TrackedQuest[]
  /** Every tracked character's weekly board, the same objects as `team --json` (item level, rating, slots, crests, quests). */
  team: TeamRow[]
  /** The game on this PC: its _retail_ folder and how it was found, or null with why (`message`); the addons' files read and refused. */
  game: GameStatusJson
}

const iso = (ms: number) => new Date(ms).toISOString()

/** `status --json`'s `game` (README "status"): the folder, then the last read of the addons' files, times as ISO 8601. */
export type GameStatusJson = Omit<GameReport, 'saves'> & {
  readAt: string | null
  files: { addon: GameAddon; account: string; path: string; says: string; modifiedAt: string | null; characters: number; matched: number }[]
  refused: { addon: GameAddon; path: string; problem: string }[]
  unmatched: { addon: GameAddon; name: string; why: string }[]
  disagreements: { region: Region; realm: string; name: string; row: VaultRow; slot: number; at: string; table: number | null; game: number; addon: GameAddon; savedAt: string }[]
}

function gameJson({ saves, ...found }: GameReport): GameStatusJson {
  const files = saves?.files ?? []
  return {
    ...found,
    readAt: saves ? iso(saves.readAt) : null,
    files: files.filter((f) => f.problem === null).map(({ addon, account, path, says, modifiedAt, characters, matched }) => ({ addon, account, path, says, modifiedAt: modifiedAt === null ? null : iso(modifiedAt), characters, matched })),
    refused: files.flatMap((f) => (f.problem === null ? [] : [{ addon: f.addon, path: f.path, problem: f.problem }])),
    unmatched: saves?.unmatched ?? [],
    disagreements: (saves?.disagreements ?? []).map((d) => ({ region: d.character.region, realm: d.character.realm, name: d.character.name, row: d.row, slot: d.slot, at: d.at, table: d.table, game: d.game, addon: d.addon, savedAt: iso(d.savedAt) })),
  }
}

/** Everything `status` reports, from the store and the data folder only (no network). */
export function statusReport(core: LocalCore, dataDir: string, game: { wowDir?: string; env: Readonly<Record<string, string | undefined>> }): StatusReport {
  const facts = core.season.storedSeasonFacts()
  const characters = listCharacters(core.store.db)
  return {
    dataDir,
    database: core.store.path,
    characters: characters.length,
    seasonListFetchedAt: facts ? iso(facts.fetchedAt) : null,
    regions: REGIONS.map((region) => {
      const week = core.season.weekAt(region, core.now())
      const view = seasonView(core.season.storedWeekSeason(week))
      return {
        region,
        week: { period: week.period, start: iso(week.start), end: iso(week.end) },
        season: { status: view.status, id: view.id, name: view.name, tableKnown: view.tableKnown, table: view.table && view.table.file, origin: view.origin, assumed: view.assumed, message: view.message },
      }
    }),
    tables: core.season.tables.map(tableInfo),
    problems: [...core.seasonTables.problems],
    trackedQuests: listTrackedQuests(core.store.db),
    team: characters.map((c) => teamRow(characterOverview(core, c))),
    game: gameJson(gameReport(findGame(game.wowDir, game.env), gameSavesStatus(core))),
  }
}

/** The same as a few aligned lines. */
export function formatStatus(report: StatusReport): string {
  const lines = [
    `Data folder   ${report.dataDir}`,
    `Database      ${report.database} (${report.characters} ${report.characters === 1 ? 'character' : 'characters'})`,
    `Season list   ${report.seasonListFetchedAt ? `from Raider.IO, fetched ${utcTime(Date.parse(report.seasonListFetchedAt))}` : "never fetched (the app's own calendar is used until a sync reaches Raider.IO)"}`,
  ]
  for (const { region, week, season } of report.regions) {
    const what = season.status === 'between-seasons' ? 'between seasons' : season.status === 'unknown' ? 'season unknown' : `${season.name} (${season.status})`
    const table = season.tableKnown ? `rewards from ${season.table}` : 'rewards unknown'
    const flags = [season.origin === 'calendar' ? "by the app's calendar" : '', season.assumed ? 'assumed to go on' : ''].filter(Boolean)
    lines.push(`${region.toUpperCase().padEnd(14)}week ${week.period}: ${what} · ${table}${flags.length ? ` · ${flags.join(', ')}` : ''}`)
  }
  for (const [i, t] of report.tables.entries()) {
    const where = t.from === 'shipped' ? 'built in' : `${t.file} in the data folder: ${t.why}`
    lines.push(`${i === 0 ? 'Season tables' : ''.padEnd(13)} ${t.id} (checked ${t.updated}, ${where})`)
  }
  for (const problem of report.problems) lines.push(`Not used      ${problem}`)
  const { game } = report
  lines.push(
    game.folder === null
      ? `Game          not found: ${game.message}`
      : `Game          ${game.folder} (${game.from}): ${game.characters} ${game.characters === 1 ? 'character' : 'characters'} played here, region ${game.region ? game.region.toUpperCase() : 'not named by the game'}${game.message ? ` · ${game.message}` : ''}`,
  )
  for (const f of game.files) lines.push(`Game file     ${f.addon} (account ${f.account}): ${f.characters} ${f.characters === 1 ? 'character' : 'characters'}, ${f.matched} tracked here; it gives ${f.says}`)
  for (const f of game.refused) lines.push(`Game file     ${f.addon} not used: ${f.path} ${f.problem}`)
  for (const d of game.disagreements) lines.push(`Game ≠ table  ${d.name} (${d.region}/${d.realm}) ${d.row} slot ${d.slot} at ${d.at}: the game says ${d.game}, the season table ${d.table ?? 'nothing'} (${d.addon}); the game's is shown`)
  lines.push(`Quests        ${report.trackedQuests.length === 0 ? 'none tracked (quests add <id> <name>)' : report.trackedQuests.map((q) => `${q.id} ${q.name}`).join(' · ')}`)
  return `${lines.join('\n')}\n`
}

export function status(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"status" takes no arguments, got: ${args.join(' ')}`)
  const dataDir = options['data-dir'] ?? defaultDataDir(io.env)
  return withLocalCore(options, io, 'read', async (core) => {
    const report = statusReport(core, dataDir, { wowDir: options['wow-dir'], env: io.env })
    print(io, options, report, formatStatus(report))
    return EXIT.ok
  })
}
