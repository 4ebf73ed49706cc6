import { seasonView } from '../../shared/domain/live-season.ts'
import { bossKeyFromName } from '../../shared/domain/merge.ts'
import { dungeonNextSteps, raidNextSteps, worldNextSteps } from '../../shared/domain/next-step.ts'
import { lastWeekUnlockedSlots, vaultWaiting } from '../../shared/domain/vault-waiting.ts'
import { topTiers } from '../../shared/domain/world.ts'
import { previousWeek } from '../../shared/domain/reset.ts'
import { SOURCE_IDS } from '../../shared/domain/types.ts'
import type { CharacterOverview, CharacterVaultView, WeekNextSteps, WeekVaultView } from '../../shared/ipc-api.ts'
import type { LocalCore } from '../local-core.ts'
import { guildOf, type TrackedCharacter } from '../store/characters-repo.ts'
import { listBossParses } from '../store/parses-repo.ts'
import { isVaultOpened, markVaultOpened } from '../store/vaults-opened-repo.ts'
import { vaultHistory } from '../sync/vault-history.ts'
import { characterWeekBoard } from '../sync/weekly-board.ts'
import { storedSourceReports, storedWeekVaults, type StoredWeek } from '../sync/vault-report.ts'

/** How many past weeks the character view lists. */
const HISTORY_IN_VIEW = 8

/**
 * The renderer's views, built from the store only: the window shows the stored vault at once, before
 * any network. A week never synced is computed from stored evidence (usually empty slots).
 */

/** Both weeks of a character from the store, read once per view at one instant. */
interface StoredWeeks {
  current: StoredWeek
  previous: StoredWeek
  sources: ReturnType<typeof storedSourceReports>
}

function storedWeeks(core: LocalCore, character: TrackedCharacter): StoredWeeks {
  const now = core.now()
  const week = core.season.weekAt(character.region, now)
  const lastWeek = previousWeek(week, core.season.storedPeriods())
  const [current, previous] = storedWeekVaults(core.store.db, core.season, core.config, character, [week, lastWeek], now) as [StoredWeek, StoredWeek]
  return { current, previous, sources: storedSourceReports(core.store.db, character.id, core.config) }
}

/**
 * Last week's vault on the board: the slots proven (null: unknown), whether marked opened, and whether
 * it still waits — as this week's latest addon save says (the game's word), else estimated from the login.
 */
function lastWeekOf(db: LocalCore['store']['db'], character: TrackedCharacter, previous: StoredWeek, current: StoredWeek): CharacterOverview['lastWeek'] {
  const { vault, trust } = previous
  const unlocked = (slots: readonly { unlocked: boolean }[]) => slots.filter((s) => s.unlocked).length
  const unlockedSlots = lastWeekUnlockedSlots([
    { status: trust.raid.status, unlocked: unlocked(vault.raid.slots) },
    { status: trust.dungeons.status, unlocked: unlocked(vault.dungeons.slots) },
    { status: trust.world.status, unlocked: unlocked(vault.world.slots) },
  ])
  const opened = isVaultOpened(db, character.id, previous.week.start)
  const game = current.gameWaiting
  const waiting = vaultWaiting({ unlockedSlots, markedOpened: opened, lastLoginAt: character.lastLoginAt, loginReadAt: character.loginReadAt, game }, current.week.start)
  return { unlockedSlots, opened, waiting, waitingFrom: game && !opened && waiting !== 'maybe-opened' ? { addon: game.addon, savedAt: game.savedAt } : null }
}

/** One character with this week's rows. */
export function characterOverview(core: LocalCore, character: TrackedCharacter, nextSyncAt: number | null = null): CharacterOverview {
  return overviewFrom(core, character, storedWeeks(core, character), nextSyncAt)
}

function overviewFrom(core: LocalCore, character: TrackedCharacter, { current, previous, sources }: StoredWeeks, nextSyncAt: number | null): CharacterOverview {
  const { week, vault, trust, lastReadAt } = current
  const board = characterWeekBoard(core.store.db, character, week, current.season.table)
  return {
    id: character.id,
    region: character.region,
    realm: character.realm,
    name: character.name,
    realmName: character.realmName,
    className: character.className,
    specName: character.specName,
    itemLevel: character.itemLevel,
    mythicRating: character.mythicRating,
    guild: guildOf(character),
    crests: board.crests,
    quests: board.quests,
    lastLoginAt: character.lastLoginAt,
    raiderioCrawledAt: character.raiderioCrawledAt,
    lastWeek: lastWeekOf(core.store.db, character, previous, current),
    week: { period: week.period, start: week.start, end: week.end },
    season: seasonView(current.season),
    raid: vault.raid.slots,
    dungeons: vault.dungeons.slots,
    world: vault.world.slots,
    trust,
    lastSyncedAt: lastReadAt,
    nextSyncAt,
    nextSteps: weekNextSteps(current),
    failingSources: SOURCE_IDS.flatMap((source) => {
      const report = sources[source]
      return report.status === 'error' && report.error ? [{ source, since: report.failingSince ?? null, message: report.error.message }] : []
    }),
    trackedSince: character.createdAt,
  }
}

/** "What next" per row of a stored week, with the week's own table. */
function weekNextSteps({ week, season, vault }: StoredWeek): WeekNextSteps {
  return {
    raid: raidNextSteps(vault.raid.bosses.map((b) => b.difficulty), season.table),
    dungeons: dungeonNextSteps(vault.dungeons.runs.map((r) => r.level), season.table),
    world: worldNextSteps(topTiers(vault.world.activities, Math.max(...vault.world.slots.map((s) => s.threshold))), season.table, week.period),
  }
}

/** Everything the per-character view shows: this week, last week, sources and parses. */
export function characterVaultView(core: LocalCore, character: TrackedCharacter, nextSyncAt: number | null = null): CharacterVaultView {
  const weeks = storedWeeks(core, character)
  const parses = listBossParses(core.store.db, character.id)
  const parseOf = (bossName: string, difficulty: string) =>
    parses.find((p) => p.bossKey === bossKeyFromName(bossName) && p.difficulty === difficulty)?.percent ?? null
  const weekView = (stored: StoredWeek): WeekVaultView => {
    const { week, season, vault, trust, lastReadAt } = stored
    return {
    week: { period: week.period, start: week.start, end: week.end },
    season: seasonView(season),
    nextSteps: weekNextSteps(stored),
    raid: { bosses: vault.raid.bosses.map((b) => ({ ...b, parsePercent: parseOf(b.name, b.difficulty) })), slots: vault.raid.slots },
    dungeons: { runs: vault.dungeons.runs, slots: vault.dungeons.slots },
    world: vault.world,
    trust,
    syncedAt: lastReadAt,
    }
  }
  const current = weekView(weeks.current)
  const warnings = [...weeks.current.warnings]
  const regionKnown = core.season.storedPeriods().some((p) => p.region === character.region)
  if (!regionKnown && ['kr', 'tw', 'cn'].includes(character.region)) {
    warnings.push('The weekly reset time of this region is an estimate until Raider.IO confirms it.')
  }
  const killed = new Map(current.raid.bosses.map((b) => [bossKeyFromName(b.name), b.difficulty]))
  const raids = core.season.storedRaids(character.region, weeks.current.week).map((raid) => ({ name: raid.name, bosses: raid.bosses.map((name) => ({ name, difficulty: killed.get(bossKeyFromName(name)) ?? null })) }))
  // The weeks before the current one, for the compact history (this week is shown in full above it).
  const history = vaultHistory(core, character, HISTORY_IN_VIEW, { pastOnly: true })
  return { character: overviewFrom(core, character, weeks, nextSyncAt), raids, current, previous: weekView(weeks.previous), sources: weeks.sources, warnings, history }
}

/** Marks last week's vault of the character as opened; the next reset brings a new, unopened one. */
export function markLastWeekOpened(core: LocalCore, character: TrackedCharacter): void {
  const week = previousWeek(core.season.weekAt(character.region, core.now()), core.season.storedPeriods())
  markVaultOpened(core.store.db, character.id, week.start, core.now())
}
