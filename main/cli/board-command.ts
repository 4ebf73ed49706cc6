import { parseRegion } from '../../shared/domain/realm.ts'
import { matchesTeamFilter, teamCsv, teamRow, type TeamRow } from '../../shared/domain/team-table.ts'
import { questTally } from '../../shared/domain/weekly-quests.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { guildOf, listCharacters } from '../store/characters-repo.ts'
import { EXIT, print, usage, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/**
 * The weekly board on the command line: `team` puts every tracked character in one table (the
 * window's overview, from the store), filtered by region, realm or guild, as text, JSON or CSV for
 * a spreadsheet (shared/domain/team-table.ts, the window's Team view uses the same). Nothing is fetched.
 */

export function team(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"team" takes no arguments, got: ${args.join(' ')}`)
  if (options.json && options.csv) return usage(io, '--json and --csv: choose one.')
  const region = options.region === undefined ? undefined : parseRegion(options.region)
  if (region && !region.ok) return usage(io, region.error.message)
  const filter = { region: region?.value, realm: options.realm, guild: options.guild }
  return withLocalCore(options, io, 'read', async (core) => {
    const rows = listCharacters(core.store.db)
      .filter((c) => matchesTeamFilter({ ...c, guild: guildOf(c) }, filter))
      .map((c) => teamRow(characterOverview(core, c)))
    if (options.csv) io.stdout(teamCsv(rows))
    else print(io, options, { characters: rows }, teamText(rows))
    return EXIT.ok
  })
}

function teamText(rows: readonly TeamRow[]): string {
  if (rows.length === 0) return 'No characters tracked (or none matches).\n'
  const cell = (row: TeamRow['raid']) => (row.status === 'unknown' ? '?' : `${row.status === 'partial' ? '≥' : ''}${row.unlocked}`)
  const guild = (r: TeamRow) => (r.guild ? `  <${r.guild.name}>` : '')
  // Tracked quests done, "≥" while one is not known (README "team").
  const quests = (r: TeamRow) => (r.quests.length === 0 ? '' : `  quests ${questTally(r.quests).text}`)
  const lines = rows.map((r) => `${`${r.name} (${r.region}/${r.realm})`.padEnd(32)} ilvl ${String(r.itemLevel ?? '—').padStart(3)}  rating ${String(r.mythicRating === null ? '—' : Math.round(r.mythicRating)).padStart(4)}  raid ${cell(r.raid)}/3  dungeons ${cell(r.dungeons)}/3  world ${cell(r.world)}/3${r.lastWeek.waiting === 'waiting' || r.lastWeek.waiting === 'maybe-opened' ? '  vault waiting' : ''}${quests(r)}${guild(r)}`)
  return `${lines.join('\n')}\n`
}
