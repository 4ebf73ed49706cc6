import { seasonView, seasonWarnings, type SeasonView, type WeekSeason } from '../../shared/domain/live-season.ts'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { RowStatus } from '../../shared/domain/row-status.ts'
import { SOURCE_IDS, type CharacterRef, type Difficulty, type DungeonVaultSlot, type RaidEvidenceKind, type RaidVaultSlot, type RunKind, type SourceId, type WorldActivity, type WorldVaultSlot } from '../../shared/domain/types.ts'
import type { WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { GameSlotView } from '../../shared/domain/game-save.ts'
import type { QuestStatus } from '../../shared/domain/weekly-quests.ts'
import type { CrestView } from '../../shared/domain/crests.ts'
import type { SourcesConfig } from '../config.ts'
import { guildOf, type TrackedCharacter } from '../store/characters-repo.ts'
import type { Db } from '../store/db.ts'
import { getBlizzardRead } from '../store/blizzard-reads-repo.ts'
import { listSourceStatuses } from '../store/sync-status-repo.ts'
import { rosterWarnings, type RaidRoster, type SeasonContext } from './season-context.ts'
import type { CharacterSyncResult, SourceReport, SourceRunStatus } from './sync-result.ts'
import { configuredSources, weekVaults, type WeekTrust, type WeekVault } from './week-vault.ts'
import { characterWeekBoard, type WeekBoard } from './weekly-board.ts'

/** A slot's `game` as `--json` prints it (README "game"): the game's view of the slot, its save time as ISO 8601. */
export type SlotGameJson = Omit<GameSlotView, 'savedAt'> & { savedAt: string }
type SlotJson<S extends { game?: GameSlotView | null }> = Omit<S, 'game'> & { game: SlotGameJson | null }

export function slotGameJson(game: GameSlotView | null | undefined): SlotGameJson | null {
  return game ? { itemLevel: game.itemLevel, progress: game.progress, threshold: game.threshold, addon: game.addon, savedAt: new Date(game.savedAt).toISOString() } : null
}

/** One character's vault for one week as the CLI prints it with --json (the shape is a public contract). */
export interface VaultReport {
  /** The character, with its item level and Mythic+ rating as the last sync read them (null until a source gave them). */
  character: { region: CharacterRef['region']; realm: string; name: string; itemLevel: number | null; mythicRating: number | null; guild: { name: string; realm: string } | null }
  week: { start: string; end: string }
  season: SeasonReport
  raid: { status: RowStatus; reasons: string[]; bosses: { name: string; difficulty: Difficulty; sources: RaidEvidenceKind[] }[]; slots: SlotJson<RaidVaultSlot>[] }
  dungeons: { status: RowStatus; reasons: string[]; runs: { dungeon: string; level: number; completedAt: string; sources: SourceId[]; kind: RunKind }[]; slots: SlotJson<DungeonVaultSlot>[] }
  world: { status: RowStatus; reasons: string[]; activities: WorldActivity[]; slots: SlotJson<WorldVaultSlot>[] }
  /** The season's crests (README "crests"): `known: false` when this version knows no crest statistics for the season. */
  crests: { known: boolean; note: string | null; kinds: (Omit<CrestView, 'readAt'> & { readAt: string | null })[] }
  /** The player's tracked weekly quests, each done / not-done / unknown this week with the reason. */
  quests: QuestStatus[]
  /** `unchangedSince`: Blizzard's last success reused the complete read of that time (no login since it). */
  sources: Record<SourceId, { status: SourceRunStatus; syncedAt: string | null; error: string | null; unchangedSince: string | null }>
  syncedAt: string | null
  warnings: string[]
}

/** The week's season as `--json` prints it (README "season"): the window's SeasonView with times as ISO 8601. */
export type SeasonReport = Omit<SeasonView, 'confirmedAt' | 'previous' | 'next'> & {
  confirmedAt: string | null
  previous: { name: string; endedAt: string } | null
  next: { name: string; startsAt: string } | null
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** What a report is built from: the week's vault and trust, the source statuses and the warnings. */
export interface ReportInput {
  character: CharacterRef & Partial<Pick<TrackedCharacter, 'itemLevel' | 'mythicRating' | 'guildName' | 'guildRealm'>>
  week: Pick<WeekWindow, 'start' | 'end'>
  season: WeekSeason
  vault: WeeklyVault
  trust: WeekTrust
  board: WeekBoard
  sources: Record<SourceId, SourceReport>
  syncedAt: number | null
  warnings: readonly string[]
}

/** Builds the report with exactly the documented fields (nothing internal leaks into the JSON). */
export function vaultReport({ character, week, season, vault, trust, board, sources, syncedAt, warnings }: ReportInput): VaultReport {
  return {
    character: {
      region: character.region,
      realm: character.realm,
      name: character.name,
      itemLevel: character.itemLevel ?? null,
      mythicRating: character.mythicRating ?? null,
      guild: guildOf(character),
    },
    week: { start: new Date(week.start).toISOString(), end: new Date(week.end).toISOString() },
    season: seasonReport(season),
    raid: {
      status: trust.raid.status,
      reasons: [...trust.raid.reasons],
      bosses: vault.raid.bosses.map((b) => ({ name: b.name, difficulty: b.difficulty, sources: [...b.sources] })),
      slots: vault.raid.slots.map(({ threshold, progress, unlocked, difficulty, itemLevel, reward, game }) => ({ threshold, progress, unlocked, difficulty, itemLevel, reward, game: slotGameJson(game) })),
    },
    dungeons: {
      status: trust.dungeons.status,
      reasons: [...trust.dungeons.reasons],
      runs: vault.dungeons.runs.map((r) => ({ dungeon: r.dungeon, level: r.level, completedAt: new Date(r.completedAt).toISOString(), sources: [...r.sources], kind: r.kind ?? 'keystone' })),
      slots: vault.dungeons.slots.map(({ threshold, progress, unlocked, level, itemLevel, reward, game }) => ({ threshold, progress, unlocked, level, itemLevel, reward, game: slotGameJson(game) })),
    },
    world: {
      status: trust.world.status,
      reasons: [...trust.world.reasons],
      activities: vault.world.activities.map(({ kind, name, tier, count, sources }) => ({ kind, name, tier, count, sources: [...sources] })),
      slots: vault.world.slots.map(({ threshold, progress, unlocked, tier, itemLevel, reward, game }) => ({ threshold, progress, unlocked, tier, itemLevel, reward, game: slotGameJson(game) })),
    },
    crests: { known: board.crests.known, note: board.crests.note, kinds: board.crests.kinds.map((k) => ({ ...k, readAt: iso(k.readAt) })) },
    quests: board.quests.map(({ id, name, state, reason }) => ({ id, name, state, reason })),
    sources: Object.fromEntries(SOURCE_IDS.map((s) => [s, { status: sources[s].status, syncedAt: iso(sources[s].syncedAt), error: sources[s].error?.message ?? null, unchangedSince: iso(sources[s].unchangedSince ?? null) }])) as VaultReport['sources'],
    syncedAt: iso(syncedAt),
    warnings: [...warnings],
  }
}

function seasonReport(week: WeekSeason): SeasonReport {
  const view = seasonView(week)
  return {
    ...view,
    confirmedAt: iso(view.confirmedAt),
    previous: view.previous && { name: view.previous.name, endedAt: new Date(view.previous.endedAt).toISOString() },
    next: view.next && { name: view.next.name, startsAt: new Date(view.next.startsAt).toISOString() },
  }
}

/** The report of a sync that just ran. */
export function reportFromSync(result: CharacterSyncResult): VaultReport {
  return vaultReport({ character: result.character, week: result.week, season: result.season, vault: result.vault, trust: result.trust, board: result.board, sources: result.sources, syncedAt: result.syncedAt, warnings: result.warnings })
}

/** A week's vault from the store alone (no network), with the roster warnings that apply to it. */
export type StoredWeek = WeekVault & { warnings: string[] }

/** Reads StoredWeeks: the CLI's `vault` and every view of the window come from here. */
export function storedWeekVaults(db: Db, season: SeasonContext, config: SourcesConfig, character: TrackedCharacter, weeks: readonly WeekWindow[], now: number): StoredWeek[] {
  const withRosters = weeks.map((week) => ({ week, roster: season.storedRaidRoster(character.region, week), season: season.storedWeekSeason(week) }))
  return weekVaults(db, character.id, withRosters, configuredSources(config), now).map((stored, i) => ({ ...stored, warnings: vaultWarnings(stored.season, withRosters[i]?.roster) }))
}

/** What to know about a whole week's vault: how its season and its raids were found. */
export function vaultWarnings(season: WeekSeason, roster: RaidRoster | undefined): string[] {
  return [...seasonWarnings(season), ...rosterWarnings(roster)]
}

/** The CLI report of a stored week, with source statuses from the last syncs. */
export function reportFromStore(db: Db, character: TrackedCharacter, week: WeekWindow, config: SourcesConfig, season: SeasonContext, now: number): VaultReport {
  const [stored] = storedWeekVaults(db, season, config, character, [week], now) as [StoredWeek]
  return vaultReport({ character, week, season: stored.season, vault: stored.vault, trust: stored.trust, board: characterWeekBoard(db, character, week, stored.season.table), sources: storedSourceReports(db, character.id, config), syncedAt: stored.lastReadAt, warnings: stored.warnings })
}

/** Source statuses as last recorded: not configured, the last error, ok, or never tried ('skipped'). */
export function storedSourceReports(db: Db, characterId: number, config: SourcesConfig): Record<SourceId, SourceReport> {
  const statuses = new Map(listSourceStatuses(db, characterId).map((s) => [s.source, s]))
  const configured = configuredSources(config)
  const read = getBlizzardRead(db, characterId)
  return Object.fromEntries(
    SOURCE_IDS.map((source) => {
      const status = statuses.get(source)
      const syncedAt = status?.lastSuccessAt ?? null
      if (!configured[source]) return [source, { status: 'not_configured', syncedAt, error: null }]
      // Blizzard's last success may have reused an earlier complete read (sync/blizzard-reuse.ts).
      const unchangedSince = source === 'blizzard' && read?.reusedAt !== null && read?.reusedAt === syncedAt ? read.readAt : null
      if (status?.lastError) return [source, { status: 'error', syncedAt, error: status.lastError, failingSince: status.failingSince, unchangedSince }]
      return [source, { status: syncedAt === null ? 'skipped' : 'ok', syncedAt, error: null, unchangedSince }]
    }),
  ) as Record<SourceId, SourceReport>
}
