import { relativeTime, syncProgressText } from '../../shared/domain/labels.ts'
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

/** The tray icon's tooltip: the app's name, and the run's progress while one runs. */
export function trayTooltip(state: Pick<TrayState, 'sync'>): string {
  return state.sync.running ? `Vault Companion · ${syncProgressText(state.sync)}` : 'Vault Companion'
}

/** The tray menu: Sync all (its progress and a Cancel while running), one line per character, last sync, Open, Quit. */
export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayMenuItem[] {
  const { sync } = state
  const syncItems: TrayMenuItem[] = sync.running
    ? [{ label: `${syncProgressText(sync)}…`, enabled: false }, { label: 'Cancel sync', click: actions.cancelSync }]
    : [{ label: 'Sync all now', click: actions.syncAll }]
  const characters: TrayMenuItem[] =
    state.characters.length === 0
      ? [{ label: 'No characters tracked yet', enabled: false }]
      : state.characters.map((c) => ({ label: traySummary(c), click: () => actions.openCharacter(c.id) }))
  return [
    ...syncItems,
    { type: 'separator' },
    ...characters,
    { type: 'separator' },
    { label: state.lastSyncAt === null ? 'Never synced' : `Last sync: ${relativeTime(state.lastSyncAt, state.now)}`, enabled: false },
    { label: 'Open Vault Companion', click: actions.open },
    { label: 'Open logs folder', click: actions.openLogsFolder },
    { label: 'Quit', click: actions.quit },
  ]
}
