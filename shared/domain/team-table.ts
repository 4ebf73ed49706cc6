import type { CharacterOverview } from '../ipc-api.ts'
import { realmSlug } from './realm.ts'
import type { VaultSlot } from './types.ts'

/**
 * The team table (the weekly board for officers): one row per tracked character with item level,
 * rating, slots, crests, quests and last week's vault, filtered by region, realm or guild, and as CSV
 * for a spreadsheet. The CLI's `team` and the window's Team view both use it, so they never disagree.
 * Pure (types and the realm slug rule only), so the renderer can build the CSV itself.
 */

const unlocked = (slots: readonly VaultSlot[]) => slots.filter((s) => s.unlocked).length
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** One character of `team --json` (README "team"). */
export function teamRow(c: CharacterOverview) {
  const row = (slots: readonly VaultSlot[], status: string) => ({
    status,
    unlocked: unlocked(slots),
    bestItemLevel: Math.max(0, ...slots.map((s) => s.reward?.itemLevel ?? 0)) || null,
    // Each slot's item level: null when locked, unknown, or the season's rewards are unknown.
    itemLevels: slots.map((s) => (status === 'unknown' ? null : s.itemLevel)),
  })
  return {
    region: c.region,
    realm: c.realm,
    realmName: c.realmName,
    name: c.name,
    className: c.className,
    specName: c.specName,
    guild: c.guild,
    itemLevel: c.itemLevel,
    mythicRating: c.mythicRating,
    week: { period: c.week.period, start: iso(c.week.start), end: iso(c.week.end) },
    season: { id: c.season.id, name: c.season.name, tableKnown: c.season.tableKnown },
    raid: row(c.raid, c.trust.raid.status),
    dungeons: row(c.dungeons, c.trust.dungeons.status),
    world: row(c.world, c.trust.world.status),
    crests: c.crests.kinds.map((k) => ({ name: k.name, total: k.total, weekGain: k.weekGain, weekGainExact: k.weekGainExact, cap: k.cap, capLifted: k.capLifted })),
    quests: c.quests.map((q) => ({ id: q.id, name: q.name, state: q.state })),
    lastSyncedAt: iso(c.lastSyncedAt),
    lastWeek: { unlockedSlots: c.lastWeek.unlockedSlots, opened: c.lastWeek.opened, waiting: c.lastWeek.waiting, waitingFrom: c.lastWeek.waitingFrom ? { addon: c.lastWeek.waitingFrom.addon, savedAt: new Date(c.lastWeek.waitingFrom.savedAt).toISOString() } : null },
  }
}
export type TeamRow = ReturnType<typeof teamRow>

/** Which characters the table shows: any filter left out matches all; realm and guild ignore letter case. */
export interface TeamFilter {
  region?: string
  realm?: string
  guild?: string
}

export function matchesTeamFilter(c: Pick<CharacterOverview, 'region' | 'realm' | 'realmName' | 'guild'>, filter: TeamFilter): boolean {
  const same = (a: string | null | undefined, b: string) => a?.toLowerCase() === b.trim().toLowerCase()
  if (filter.region && c.region !== filter.region) return false
  // "Area 52" finds area-52 by the slug rule even before a sync has given the realm's display name.
  const slug = filter.realm?.trim() ? realmSlug(filter.realm) : undefined
  if (filter.realm?.trim() && !same(c.realm, filter.realm) && !same(c.realmName, filter.realm) && !(slug?.ok && slug.value === c.realm)) return false
  if (filter.guild?.trim() && !same(c.guild?.name, filter.guild)) return false
  return true
}

type Cell = string | number | null
const slotsCell = (row: TeamRow['raid']) => (row.status === 'unknown' ? null : row.unlocked)
const yesNo = (value: boolean) => (value ? 'yes' : 'no')
/** "2026-11-26 12:00" (UTC): a date and time every spreadsheet reads as one. */
const spreadsheetTime = (isoTime: string | null) => (isoTime === null ? null : `${isoTime.slice(0, 10)} ${isoTime.slice(11, 16)}`)
const WAITING_WORDS = { none: 'no', waiting: 'yes', opened: 'no (opened)', 'maybe-opened': 'maybe (logged in since the reset)', unknown: 'unknown' } as const
const slotLevel = (row: 'raid' | 'dungeons' | 'world', index: number) => (r: TeamRow): Cell => r[row].itemLevels[index] ?? null

const FIXED_COLUMNS: [string, (r: TeamRow) => Cell][] = [
  ['region', (r) => r.region],
  ['realm', (r) => r.realmName ?? r.realm],
  ['name', (r) => r.name],
  ['class', (r) => r.className],
  ['spec', (r) => r.specName],
  ['guild', (r) => r.guild?.name ?? null],
  ['item_level', (r) => r.itemLevel],
  ['mythic_rating', (r) => (r.mythicRating === null ? null : Math.round(r.mythicRating))],
  ['raid_slots', (r) => slotsCell(r.raid)],
  ['raid_status', (r) => r.raid.status],
  ['dungeon_slots', (r) => slotsCell(r.dungeons)],
  ['dungeon_status', (r) => r.dungeons.status],
  ['world_slots', (r) => slotsCell(r.world)],
  ['world_status', (r) => r.world.status],
  ['season', (r) => r.season.name],
  ['rewards_known', (r) => yesNo(r.season.tableKnown)],
  ['last_synced', (r) => spreadsheetTime(r.lastSyncedAt)],
  ['last_week_slots', (r) => r.lastWeek.unlockedSlots],
  ['last_week_opened', (r) => yesNo(r.lastWeek.opened)],
  ['vault_waiting', (r) => WAITING_WORDS[r.lastWeek.waiting]],
  // The week the row is for, then the nine slots' item levels as an officer's loot sheet wants them.
  ['week_reset', (r) => spreadsheetTime(r.week.start)],
  ...(['raid', 'dungeons', 'world'] as const).flatMap((row) =>
    [0, 1, 2].map((i): [string, (r: TeamRow) => Cell] => [`${row === 'dungeons' ? 'dungeon' : row}_${i + 1}_ilvl`, slotLevel(row, i)]),
  ),
]

/**
 * The columns of a table: the fixed ones, then one per crest kind (its season total) and one per
 * tracked quest (done / not-done / unknown), in the order the rows first name them.
 */
function columns(rows: readonly TeamRow[]): [string, (r: TeamRow) => Cell][] {
  const crestNames = [...new Set(rows.flatMap((r) => r.crests.map((k) => k.name)))]
  const questIds = [...new Map(rows.flatMap((r) => r.quests.map((q) => [q.id, q.name] as const))).keys()]
  return [
    ...FIXED_COLUMNS,
    ...crestNames.map((name): [string, (r: TeamRow) => Cell] => [`${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_crests`, (r) => r.crests.find((k) => k.name === name)?.total ?? null]),
    ...questIds.map((id): [string, (r: TeamRow) => Cell] => [`quest_${id}`, (r) => questWords(r.quests.find((q) => q.id === id)?.state)]),
  ]
}

/** A quest's state as a cell: "done", "not done" or "unknown" (also for a quest the row never had). */
function questWords(state: TeamRow['quests'][number]['state'] | undefined): string {
  return state === 'not-done' ? 'not done' : (state ?? 'unknown')
}

/**
 * Where a spreadsheet may start a new cell inside our text: the start, and after a separator — a comma,
 * and the semicolon Excel splits on where it is the list separator (most EU locales), and a tab — when
 * what follows (past spaces and quotes) is = + - @ or a tab or CR, which would run as a formula.
 */
const FORMULA_START = /(^|[,;\t])(?=[ "]*[=+\-@\t\r])/g

/**
 * One CSV cell (RFC 4180 quoting). Names come from the sources, so every place in a text where a
 * spreadsheet with either separator could start a formula cell gets an apostrophe, which makes that
 * cell text (OWASP's CSV-injection guidance). An unknown value is an empty cell, never 0.
 */
export function csvCell(value: Cell): string {
  if (value === null) return ''
  if (typeof value !== 'string') return String(value)
  const safe = value.replace(FORMULA_START, "$1'")
  return /[",;\n\r\t]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/**
 * The CSV: a header and one line per character. LF line ends, which every spreadsheet reads (and the
 * CLI's text output never passes a CR from a value to the terminal).
 */
export function teamCsv(rows: readonly TeamRow[]): string {
  const cols = columns(rows)
  const lines = [cols.map(([name]) => name).join(','), ...rows.map((r) => cols.map(([, value]) => csvCell(value(r))).join(','))]
  return `${lines.join('\n')}\n`
}
