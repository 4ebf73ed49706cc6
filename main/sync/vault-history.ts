import { previousWeek, type WeekWindow } from '../../shared/domain/reset.ts'
import type { VaultHistoryWeek } from '../../shared/domain/vault-history.ts'
import type { LocalCore } from '../local-core.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import { isVaultOpened } from '../store/vaults-opened-repo.ts'
import { storedWeekVaults } from './vault-report.ts'

/** How many weeks `history` shows unless asked otherwise, and the most it shows. */
export const DEFAULT_HISTORY_WEEKS = 8
export const MAX_HISTORY_WEEKS = 52

/**
 * A character's vaults of the last `count` weeks, newest first (this week included unless `pastOnly`), from the store
 * alone: each week rebuilt from its stored evidence with its own season's table, as the vault view
 * does, and whether the player marked it opened. Nothing is fetched, so it survives restarts and
 * migrations with the evidence it is built from.
 */
export function vaultHistory(core: LocalCore, character: TrackedCharacter, count: number, { pastOnly = false } = {}): VaultHistoryWeek[] {
  const known = core.season.storedPeriods()
  const current = core.season.weekAt(character.region, core.now())
  // pastOnly: the weeks before this one (the character view shows this week in full already).
  const weeks: WeekWindow[] = [pastOnly ? previousWeek(current, known) : current]
  while (weeks.length < count) weeks.push(previousWeek(weeks.at(-1) as WeekWindow, known))
  const now = core.now()
  return storedWeekVaults(core.store.db, core.season, core.config, character, weeks, now).map(({ week, season, vault, trust }) => {
    const slots = [...vault.raid.slots, ...vault.dungeons.slots, ...vault.world.slots]
    return {
      period: week.period,
      start: week.start,
      end: week.end,
      current: now < week.end,
      season: { id: season.season?.id ?? null, name: season.season?.name ?? null, tableKnown: season.table !== undefined },
      raid: { status: trust.raid.status, slots: vault.raid.slots },
      dungeons: { status: trust.dungeons.status, slots: vault.dungeons.slots },
      world: { status: trust.world.status, slots: vault.world.slots },
      unlockedSlots: slots.filter((s) => s.unlocked).length,
      // This week's vault cannot be opened yet.
      opened: now < week.end ? null : isVaultOpened(core.store.db, character.id, week.start),
    }
  })
}
