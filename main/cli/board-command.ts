import { parseRegion } from '../../shared/domain/realm.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import type { VaultSlot } from '../../shared/domain/types.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { EXIT, print, usage, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/**
 * The weekly board on the command line: `team` puts every tracked character in one table (the
 * window's overview, from the store), filtered by region or realm, as text, JSON or CSV for a
 * spreadsheet. Nothing is fetched.
 */

export function team(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"team" takes no arguments, got: ${args.join(' ')}`)
  if (options.json && options.csv) return usage(io, '--json and --csv: choose one.')
  const region = options.region === undefined ? undefined : parseRegion(options.region)
  if (region && !region.ok) return usage(io, region.error.message)
  const realm = options.realm?.trim().toLowerCase()
  return withLocalCore(options, io, 'read', async (core) => {
    const rows = listCharacters(core.store.db)
      .filter((c) => (!region || c.region === region.value) && (!realm || c.realm.toLowerCase() === realm || c.realmName?.toLowerCase() === realm))
      .map((c) => teamRow(characterOverview(core, c)))
    if (options.csv) io.stdout(teamCsv(rows))
    else print(io, options, { characters: rows }, teamText(rows))
    return EXIT.ok
  })
}

const unlocked = (slots: readonly VaultSlot[]) => slots.filter((s) => s.unlocked).length
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** One character of `team --json` (README "team"). */
export function teamRow(c: CharacterOverview) {
  const row = (slots: readonly VaultSlot[], status: string) => ({ status, unlocked: unlocked(slots), bestItemLevel: Math.max(0, ...slots.map((s) => s.reward?.itemLevel ?? 0)) || null })
  return {
    region: c.region,
    realm: c.realm,
    realmName: c.realmName,
    name: c.name,
    className: c.className,
    specName: c.specName,
    itemLevel: c.itemLevel,
    mythicRating: c.mythicRating,
    season: { id: c.season.id, name: c.season.name, tableKnown: c.season.tableKnown },
    raid: row(c.raid, c.trust.raid.status),
    dungeons: row(c.dungeons, c.trust.dungeons.status),
    world: row(c.world, c.trust.world.status),
    lastSyncedAt: iso(c.lastSyncedAt),
    lastWeek: c.lastWeek,
  }
}
type TeamRow = ReturnType<typeof teamRow>

const CSV_COLUMNS: [string, (r: TeamRow) => string | number | boolean | null][] = [
  ['region', (r) => r.region],
  ['realm', (r) => r.realmName ?? r.realm],
  ['name', (r) => r.name],
  ['class', (r) => r.className],
  ['spec', (r) => r.specName],
  ['item_level', (r) => r.itemLevel],
  ['mythic_rating', (r) => (r.mythicRating === null ? null : Math.round(r.mythicRating))],
  ['raid_slots', (r) => (r.raid.status === 'unknown' ? null : r.raid.unlocked)],
  ['raid_status', (r) => r.raid.status],
  ['dungeon_slots', (r) => (r.dungeons.status === 'unknown' ? null : r.dungeons.unlocked)],
  ['dungeon_status', (r) => r.dungeons.status],
  ['world_slots', (r) => (r.world.status === 'unknown' ? null : r.world.unlocked)],
  ['world_status', (r) => r.world.status],
  ['season', (r) => r.season.name],
  ['rewards_known', (r) => r.season.tableKnown],
  ['last_synced', (r) => r.lastSyncedAt],
  ['last_week_slots', (r) => r.lastWeek.unlockedSlots],
  ['last_week_opened', (r) => r.lastWeek.opened],
  ['vault_waiting', (r) => r.lastWeek.waiting],
]

/**
 * One CSV cell (RFC 4180 quoting). A text starting with = + - @ (or a tab or CR) would run as a
 * formula in a spreadsheet: names come from the sources, so such a cell gets a leading apostrophe.
 * An unknown value is an empty cell, never 0.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * `team --csv`: a header and one line per character. LF line ends, which every spreadsheet reads: the
 * CLI's text output never passes a control character (CR included) from a value to the terminal.
 */
export function teamCsv(rows: readonly TeamRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(','), ...rows.map((r) => CSV_COLUMNS.map(([, value]) => csvCell(value(r))).join(','))]
  return `${lines.join('\n')}\n`
}

function teamText(rows: readonly TeamRow[]): string {
  if (rows.length === 0) return 'No characters tracked (or none matches).\n'
  const cell = (row: TeamRow['raid']) => (row.status === 'unknown' ? '?' : `${row.status === 'partial' ? '≥' : ''}${row.unlocked}`)
  const lines = rows.map((r) => `${`${r.name} (${r.region}/${r.realm})`.padEnd(32)} ilvl ${String(r.itemLevel ?? '—').padStart(3)}  rating ${String(r.mythicRating === null ? '—' : Math.round(r.mythicRating)).padStart(4)}  raid ${cell(r.raid)}/3  dungeons ${cell(r.dungeons)}/3  world ${cell(r.world)}/3${r.lastWeek.waiting === 'waiting' || r.lastWeek.waiting === 'maybe-opened' ? '  vault waiting' : ''}`)
  return `${lines.join('\n')}\n`
}
