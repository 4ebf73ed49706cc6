import type { WeekWindow } from '../../shared/domain/reset.ts'
import { SOURCE_IDS, type CharacterRef, type Difficulty, type DungeonVaultSlot, type RaidEvidenceKind, type RaidVaultSlot, type SourceId } from '../../shared/domain/types.ts'
import type { WeeklyVault } from '../../shared/domain/weekly-vault.ts'
import type { SourcesConfig } from '../config.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import type { Db } from '../store/db.ts'
import { listSourceStatuses } from '../store/sync-status-repo.ts'
import { getVaultResult } from '../store/vault-results-repo.ts'
import type { SeasonContext } from './season-context.ts'
import type { CharacterSyncResult, SourceReport, SourceRunStatus } from './sync-result.ts'
import { computeVault } from './sync-service.ts'

/** One character's vault for one week as the CLI prints it with --json (the shape is a public contract). */
export interface VaultReport {
  character: { region: CharacterRef['region']; realm: string; name: string }
  week: { start: string; end: string }
  raid: { bosses: { name: string; difficulty: Difficulty; sources: RaidEvidenceKind[] }[]; slots: RaidVaultSlot[] }
  dungeons: { runs: { dungeon: string; level: number; completedAt: string; sources: SourceId[] }[]; slots: DungeonVaultSlot[] }
  sources: Record<SourceId, { status: SourceRunStatus; syncedAt: string | null; error: string | null }>
  syncedAt: string | null
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** Builds the report with exactly the documented fields (nothing internal leaks into the JSON). */
export function vaultReport(character: CharacterRef, week: Pick<WeekWindow, 'start' | 'end'>, vault: WeeklyVault, sources: Record<SourceId, SourceReport>, syncedAt: number | null): VaultReport {
  return {
    character: { region: character.region, realm: character.realm, name: character.name },
    week: { start: new Date(week.start).toISOString(), end: new Date(week.end).toISOString() },
    raid: {
      bosses: vault.raid.bosses.map((b) => ({ name: b.name, difficulty: b.difficulty, sources: [...b.sources] })),
      slots: vault.raid.slots.map(({ threshold, progress, unlocked, difficulty, itemLevel, reward }) => ({ threshold, progress, unlocked, difficulty, itemLevel, reward })),
    },
    dungeons: {
      runs: vault.dungeons.runs.map((r) => ({ dungeon: r.dungeon, level: r.level, completedAt: new Date(r.completedAt).toISOString(), sources: [...r.sources] })),
      slots: vault.dungeons.slots.map(({ threshold, progress, unlocked, level, itemLevel, reward }) => ({ threshold, progress, unlocked, level, itemLevel, reward })),
    },
    sources: Object.fromEntries(SOURCE_IDS.map((s) => [s, { status: sources[s].status, syncedAt: iso(sources[s].syncedAt), error: sources[s].error?.message ?? null }])) as VaultReport['sources'],
    syncedAt: iso(syncedAt),
  }
}

/** The report of a sync that just ran. */
export function reportFromSync(result: CharacterSyncResult): VaultReport {
  return vaultReport(result.character, result.week, result.vault, result.sources, result.syncedAt)
}

/**
 * The stored vault of a week without network: the saved result, or one computed from stored evidence
 * when the week was never synced. `syncedAt` is when it was saved (null if computed now).
 */
export function storedWeekVault(db: Db, season: SeasonContext, character: TrackedCharacter, week: WeekWindow): { vault: WeeklyVault; syncedAt: number | null } {
  const stored = getVaultResult(db, character.id, week.start)
  if (stored) return { vault: stored.vault, syncedAt: stored.computedAt }
  return { vault: computeVault(db, character.id, week, season.storedRaidRoster(character.region, week.end - 1)), syncedAt: null }
}

/** The CLI report of a stored week, with source statuses from the last syncs. */
export function reportFromStore(db: Db, character: TrackedCharacter, week: WeekWindow, config: SourcesConfig, season: SeasonContext): VaultReport {
  const { vault, syncedAt } = storedWeekVault(db, season, character, week)
  return vaultReport(character, week, vault, storedSourceReports(db, character.id, config), syncedAt)
}

/** Source statuses as last recorded: not configured, the last error, ok, or never tried ('skipped'). */
export function storedSourceReports(db: Db, characterId: number, config: SourcesConfig): Record<SourceId, SourceReport> {
  const statuses = new Map(listSourceStatuses(db, characterId).map((s) => [s.source, s]))
  const configured: Record<SourceId, boolean> = { blizzard: config.blizzard !== null, warcraftlogs: config.warcraftlogs !== null, raiderio: true }
  return Object.fromEntries(
    SOURCE_IDS.map((source) => {
      const status = statuses.get(source)
      const syncedAt = status?.lastSuccessAt ?? null
      if (!configured[source]) return [source, { status: 'not_configured', syncedAt, error: null }]
      if (status?.lastError) return [source, { status: 'error', syncedAt, error: status.lastError }]
      return [source, { status: syncedAt === null ? 'skipped' : 'ok', syncedAt, error: null }]
    }),
  ) as Record<SourceId, SourceReport>
}
