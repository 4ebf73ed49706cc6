import { bossKeyFromName } from '../../shared/domain/merge.ts'
import { previousWeek, type WeekWindow } from '../../shared/domain/reset.ts'
import { SOURCE_IDS } from '../../shared/domain/types.ts'
import type { CharacterOverview, CharacterVaultView, WeekVaultView } from '../../shared/ipc-api.ts'
import type { Core } from '../composition.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import { listBossParses } from '../store/parses-repo.ts'
import { isVaultOpened, markVaultOpened } from '../store/vaults-opened-repo.ts'
import { storedSourceReports, storedWeekVault } from '../sync/vault-report.ts'

/**
 * The renderer's views, built from the store only: the window shows the stored vault at once, before
 * any network. A week never synced is computed from stored evidence (usually empty slots).
 */

/** One character with this week's two rows. */
export function characterOverview(core: Core, character: TrackedCharacter, nextSyncAt: number | null = null): CharacterOverview {
  const week = core.sync.weekAt(character.region, core.now())
  const { vault, trust, lastReadAt } = storedWeekVault(core.store.db, core.season, core.config, character, week, core.now())
  const lastWeek = previousWeek(week, core.season.storedPeriods())
  const previous = storedWeekVault(core.store.db, core.season, core.config, character, lastWeek, core.now()).vault
  const unlockedSlots = [...previous.raid.slots, ...previous.dungeons.slots, ...previous.world.slots].filter((s) => s.unlocked).length
  const sources = storedSourceReports(core.store.db, character.id, core.config)
  return {
    id: character.id,
    region: character.region,
    realm: character.realm,
    name: character.name,
    realmName: character.realmName,
    className: character.className,
    specName: character.specName,
    itemLevel: character.itemLevel,
    lastLoginAt: character.lastLoginAt,
    raiderioCrawledAt: character.raiderioCrawledAt,
    lastWeek: { unlockedSlots, opened: isVaultOpened(core.store.db, character.id, lastWeek.start) },
    week: { period: week.period, start: week.start, end: week.end },
    raid: vault.raid.slots,
    dungeons: vault.dungeons.slots,
    world: vault.world.slots,
    trust,
    lastSyncedAt: lastReadAt,
    nextSyncAt,
    hasErrors: SOURCE_IDS.some((s) => sources[s].status === 'error'),
  }
}

/** Everything the per-character view shows: this week, last week, sources and parses. */
export function characterVaultView(core: Core, character: TrackedCharacter, nextSyncAt: number | null = null): CharacterVaultView {
  const current = core.sync.weekAt(character.region, core.now())
  const previous = previousWeek(current, core.season.storedPeriods())
  const parses = listBossParses(core.store.db, character.id)
  const parseOf = (bossName: string, difficulty: string) =>
    parses.find((p) => p.bossKey === bossKeyFromName(bossName) && p.difficulty === difficulty)?.percent ?? null
  const weekView = (week: WeekWindow): { view: WeekVaultView; warnings: string[] } => {
    const { vault, trust, lastReadAt, warnings } = storedWeekVault(core.store.db, core.season, core.config, character, week, core.now())
    const view: WeekVaultView = {
      week: { period: week.period, start: week.start, end: week.end },
      raid: { bosses: vault.raid.bosses.map((b) => ({ ...b, parsePercent: parseOf(b.name, b.difficulty) })), slots: vault.raid.slots },
      dungeons: { runs: vault.dungeons.runs, slots: vault.dungeons.slots },
      world: vault.world,
      trust,
      syncedAt: lastReadAt,
    }
    return { view, warnings }
  }
  const thisWeek = weekView(current)
  const warnings = [...thisWeek.warnings]
  const regionKnown = core.season.storedPeriods().some((p) => p.region === character.region)
  if (!regionKnown && ['kr', 'tw', 'cn'].includes(character.region)) {
    warnings.push('The weekly reset time of this region is an estimate until Raider.IO confirms it.')
  }
  const killed = new Map(thisWeek.view.raid.bosses.map((b) => [bossKeyFromName(b.name), b.difficulty]))
  const raids = core.season.storedRaids(character.region, current).map((raid) => ({ name: raid.name, bosses: raid.bosses.map((name) => ({ name, difficulty: killed.get(bossKeyFromName(name)) ?? null })) }))
  return { character: characterOverview(core, character, nextSyncAt), raids, current: thisWeek.view, previous: weekView(previous).view, sources: storedSourceReports(core.store.db, character.id, core.config), warnings }
}

/** Marks last week's vault of the character as opened; the next reset brings a new, unopened one. */
export function markLastWeekOpened(core: Core, character: TrackedCharacter): void {
  const week = previousWeek(core.sync.weekAt(character.region, core.now()), core.season.storedPeriods())
  markVaultOpened(core.store.db, character.id, week.start, core.now())
}
