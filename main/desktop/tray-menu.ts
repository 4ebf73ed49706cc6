import { resetsByRegion, vaultWaits } from '../../shared/domain/board.ts'
import { countOf, duration, relativeTime, syncProgressText } from '../../shared/domain/labels.ts'
import type { RowStatus } from '../../shared/domain/row-status.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'

/** A menu entry as plain data: the Electron shell turns it into a Menu; tests assert on it directly. */
export interface TrayMenuItem {
  label?: string
  type?: 'separator' | 'normal'
  enabled?: boolean
  click?: () => void
}

export interface TrayState {
  characters: readonly CharacterOverview[]
  sync: { running: boolean; done: number; total: number }
  /** Newest sync of any character (epoch ms). */
  lastSyncAt: number | null
  now: number
}

export interface TrayActions {
  syncAll(): void
  cancelSync(): void
  openCharacter(id: number): void
  open(): void
  openLogsFolder(): void
  quit(): void
}

/**
 * `Thrall · Raid 2 of 3 · Dungeons ≥1 of 3 · World ? of 3`: unlocked slots per row (the window's
 * wording), "≥" when the row is partial (a lower bound), "?" when unknown (never a 0 nobody checked).
 */
export function traySummary(character: CharacterOverview): string {
  const row = (slots: readonly { unlocked: boolean }[], status: RowStatus) => {
    if (status === 'unknown') return `? of ${slots.length}`
    const unlocked = slots.filter((s) => s.unlocked).length
    return `${status === 'partial' ? '≥' : ''}${unlocked} of ${slots.length}`
  }
  // Logged in since the reset: the vault may have been opened in the game already (an estimate). With
  // slots proven but no read since the reset, nobody knows; with no slot proven, nothing is claimed.
  const { waiting, unlockedSlots } = character.lastWeek
  const ready = waiting === 'waiting' ? ' · vault ready' : waiting === 'maybe-opened' ? ' · vault ready? (logged in since the reset)' : waiting === 'unknown' && unlockedSlots !== null ? ' · vault ready? (not read since the reset)' : ''
  return `${character.name} · Raid ${row(character.raid, character.trust.raid.status)} · Dungeons ${row(character.dungeons, character.trust.dungeons.status)} · World ${row(character.world, character.trust.world.status)}${ready}`
}

/**
 * "2 vaults waiting · reset in 1 d 4 h" (each region named when there are several: "US reset in 1 d 4 h ·
 * EU in 1 d 17 h"); null with no character. Waiting counts as the board does: for sure or maybe.
 */
export function trayWeekLine(state: Pick<TrayState, 'characters' | 'now'>): string | null {
  if (state.characters.length === 0) return null
  const waiting = state.characters.filter(vaultWaits).length
  const resets = resetsByRegion(state.characters)
  const resetText =
    resets.length === 1
      ? `reset in ${duration((resets[0] as { at: number }).at - state.now)}`
      : resets.map((r, i) => `${r.region.toUpperCase()} ${i === 0 ? 'reset ' : ''}in ${duration(r.at - state.now)}`).join(' · ')
  return `${waiting === 0 ? 'No vault waiting' : `${countOf(waiting, 'vault')} waiting`} · ${resetText}`
}

/** The tray icon's tooltip: the app's name, the run's progress while one runs, else vaults waiting and the reset. */
export function trayTooltip(state: Pick<TrayState, 'sync' | 'characters' | 'now'>): string {
  if (state.sync.running) return `Vault Companion · ${syncProgressText(state.sync)}`
  const week = trayWeekLine(state)
  return week === null ? 'Vault Companion' : `Vault Companion · ${week}`
}

/** The tray menu: Sync all (its progress and a Cancel while running), vaults waiting and the reset, one line per character, last sync, Open, Quit. */
export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayMenuItem[] {
  const { sync } = state
  const syncItems: TrayMenuItem[] = sync.running
    ? [{ label: `${syncProgressText(sync)}…`, enabled: false }, { label: 'Cancel sync', click: actions.cancelSync }]
    : [{ label: 'Sync all now', click: actions.syncAll }]
  const characters: TrayMenuItem[] =
    state.characters.length === 0
      ? [{ label: 'No characters tracked yet', enabled: false }]
      : state.characters.map((c) => ({ label: traySummary(c), click: () => actions.openCharacter(c.id) }))
  const week = trayWeekLine(state)
  return [
    ...syncItems,
    { type: 'separator' },
    ...(week === null ? [] : [{ label: week, enabled: false }]),
    ...characters,
    { type: 'separator' },
    { label: state.lastSyncAt === null ? 'Never synced' : `Last sync: ${relativeTime(state.lastSyncAt, state.now)}`, enabled: false },
    { label: 'Open Vault Companion', click: actions.open },
    { label: 'Open logs folder', click: actions.openLogsFolder },
    { label: 'Quit', click: actions.quit },
  ]
}
