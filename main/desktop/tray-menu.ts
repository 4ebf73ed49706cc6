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
  openCharacter(id: number): void
  open(): void
  quit(): void
}

/** `Thrall · Raid 2/3 · M+ 3/3`: unlocked slots per row. */
export function traySummary(character: CharacterOverview): string {
  const unlocked = (slots: readonly { unlocked: boolean }[]) => slots.filter((s) => s.unlocked).length
  return `${character.name} · Raid ${unlocked(character.raid)}/3 · M+ ${unlocked(character.dungeons)}/3`
}

/** The tray menu: Sync all (with progress, disabled while running), one line per character, last sync, Open, Quit. */
export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayMenuItem[] {
  const { sync } = state
  const syncLabel = sync.running ? `Syncing… ${sync.done}/${sync.total}` : 'Sync all now'
  const characters: TrayMenuItem[] =
    state.characters.length === 0
      ? [{ label: 'No characters tracked yet', enabled: false }]
      : state.characters.map((c) => ({ label: traySummary(c), click: () => actions.openCharacter(c.id) }))
  return [
    { label: syncLabel, enabled: !sync.running, click: actions.syncAll },
    { type: 'separator' },
    ...characters,
    { type: 'separator' },
    { label: state.lastSyncAt === null ? 'Never synced' : `Last sync: ${relativeTime(state.lastSyncAt, state.now)}`, enabled: false },
    { label: 'Open Vault Companion', click: actions.open },
    { label: 'Quit', click: actions.quit },
  ]
}

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function relativeTime(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ago`
  return `${Math.floor(hours / 24)} d ago`
}
