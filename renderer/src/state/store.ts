import { create, type StoreApi } from 'zustand'
import { DEFAULT_BOARD_PREFERENCES, type BoardPreferences } from '../../../shared/domain/board.ts'
import { countOf } from '../../../shared/domain/labels.ts'
import type { AppInfo, CharacterOverview, CharacterVaultView, CredentialSource, NewCharacter, SettingsUpdate, SettingsView, SyncSummary, UpdateStatus } from '../../../shared/ipc-api.ts'
import type { AppError, Result } from '../../../shared/result.ts'
import { bridge } from '../bridge.ts'
import { fromResult, loading, type Load } from './load.ts'
import { parseRoute, routeHash, type Route } from './route.ts'

/** Everything the UI shows, and the actions that ask main for more. */
export interface VaultState {
  route: Route
  info: Load<AppInfo>
  characters: Load<CharacterOverview[]>
  vaults: Record<number, Load<CharacterVaultView>>
  settings: Load<SettingsView>
  sync: { running: boolean; done: number; total: number }
  /** The app's own update (a notice shows when one is ready to install). */
  update: UpdateStatus
  /** The last action's failure, shown in a banner until dismissed. */
  notice: AppError | null
  /** A short confirmation of the last action ("Thrall added…"), read out once. */
  announcement: string | null
  /** How the player left the board (sort, filters, density): kept across views, and stored in main across restarts. */
  board: BoardPreferences
  navigate(route: Route): void
  loadAll(): Promise<void>
  /** After main says one character's data changed: refreshes that card (and its open vault) only. */
  refreshCharacter(characterId: number): Promise<void>
  loadVault(characterId: number): Promise<void>
  addCharacter(input: NewCharacter): Promise<Result<CharacterOverview>>
  removeCharacter(id: number): Promise<void>
  markVaultOpened(characterId: number): Promise<void>
  syncNow(characterId?: number): Promise<void>
  /** Stops the running sync; the characters already synced keep what they got. */
  cancelSync(): Promise<void>
  updateSettings(patch: SettingsUpdate): Promise<void>
  openLogsFolder(): Promise<void>
  saveCredentials(source: CredentialSource, clientId: string, clientSecret: string, withoutEncryption?: boolean): Promise<Result<SettingsView>>
  clearCredentials(source: CredentialSource): Promise<void>
  /** Adds a weekly quest to every character's board; the refusal (bad id, full list) comes back to the form. */
  trackQuest(id: number, name: string): Promise<Result<SettingsView>>
  untrackQuest(id: number): Promise<void>
  /** Raider.IO's optional access key: saved (a refusal comes back to the form) or removed. */
  saveRaiderIoKey(key: string): Promise<Result<SettingsView>>
  clearRaiderIoKey(): Promise<void>
  /** The officer digest's webhook: saved (main checks it is Discord's), cleared, or used now; a refusal comes back to the form. */
  saveOfficerWebhook(url: string): Promise<Result<SettingsView>>
  clearOfficerWebhook(): Promise<void>
  postOfficerDigestNow(): Promise<Result<SettingsView>>
  dismissNotice(): void
  /** Changes how the board is shown at once, and stores it (a refused store keeps it for this session). */
  setBoard(patch: Partial<BoardPreferences>): void
}

type SetVault = StoreApi<VaultState>['setState']

/** A save main answers with the new settings: they show at once, and a refusal goes back to the form. */
function settingsSaved(set: SetVault, result: Result<SettingsView>): Result<SettingsView> {
  if (result.ok) set({ settings: fromResult(result) })
  return result
}

/** A removal main answers with the new settings: they show at once, and a refusal becomes the notice. */
function settingsRemoved(set: SetVault, result: Result<SettingsView>): void {
  set(result.ok ? { settings: fromResult(result) } : { notice: result.error })
}

export const useVault = create<VaultState>((set, get) => ({
  route: parseRoute(window.location.hash),
  info: loading,
  characters: loading,
  vaults: {},
  settings: loading,
  sync: { running: false, done: 0, total: 0 },
  update: { state: 'off', version: null, message: null },
  notice: null,
  announcement: null,
  board: DEFAULT_BOARD_PREFERENCES,

  navigate(route) {
    if (window.location.hash !== routeHash(route)) window.location.hash = routeHash(route)
    // The hashchange that follows a navigation arrives here again: same screen, keep its announcement.
    const sameScreen = routeHash(get().route) === routeHash(route)
    set(sameScreen ? { route } : { route, announcement: null })
    if (route.name === 'character') void get().loadVault(route.id)
  },

  async loadAll() {
    const api = bridge()
    const [info, characters, settings] = await Promise.all([api.getAppInfo(), api.listCharacters(), api.getSettings()])
    set({ info: fromResult(info), characters: fromResult(characters), settings: fromResult(settings), ...(info.ok ? { update: info.value.update } : {}), ...(settings.ok ? { board: settings.value.board } : {}) })
    const { route } = get()
    if (route.name === 'character') await get().loadVault(route.id)
  },

  async refreshCharacter(characterId) {
    // Without a list on screen there is nothing to patch: load everything (also recovers a failed load).
    if (get().characters.state !== 'ready') return get().loadAll()
    const { route } = get()
    const [overview] = await Promise.all([bridge().getCharacter({ characterId }), route.name === 'character' && route.id === characterId ? get().loadVault(characterId) : undefined])
    // A failed read (database busy) keeps the cards as they were and says why.
    if (!overview.ok && overview.error.code !== 'UNKNOWN_CHARACTER') return set({ notice: overview.error })
    set((state) => {
      if (state.characters.state !== 'ready') return {}
      const others = state.characters.value.filter((c) => c.id !== characterId)
      if (!overview.ok) return { characters: { state: 'ready', value: others } }
      const known = others.length < state.characters.value.length
      // Tracked characters are listed oldest first: a new one goes last.
      const value = known ? state.characters.value.map((c) => (c.id === characterId ? overview.value : c)) : [...others, overview.value]
      return { characters: { state: 'ready', value } }
    })
  },

  async loadVault(characterId) {
    const result = await bridge().getVault({ characterId })
    set((state) => ({ vaults: { ...state.vaults, [characterId]: fromResult(result) } }))
  },

  async addCharacter(input) {
    const result = await bridge().addCharacter(input)
    if (result.ok) {
      const characters = await bridge().listCharacters()
      set({ characters: fromResult(characters), announcement: `${result.value.name} added. Filling the vault…` })
    }
    return result
  },

  async removeCharacter(id) {
    const result = await bridge().removeCharacter({ id })
    if (!result.ok) return set({ notice: result.error })
    set((state) => {
      const vaults = { ...state.vaults }
      delete vaults[id]
      return { vaults }
    })
    get().navigate({ name: 'overview' })
    set({ characters: fromResult(await bridge().listCharacters()) })
  },

  async markVaultOpened(characterId) {
    const result = await bridge().markVaultOpened({ characterId })
    if (!result.ok) return set({ notice: result.error })
    // data:changed refreshes this card as well; update it now so the marker goes at once.
    set((state) => (state.characters.state === 'ready' ? { characters: { state: 'ready', value: state.characters.value.map((c) => (c.id === characterId ? result.value : c)) } } : {}))
  },

  async syncNow(characterId) {
    set({ sync: { running: true, done: 0, total: get().sync.total } })
    const result = await bridge().syncNow(characterId === undefined ? {} : { characterId })
    // A source that failed is named on the board (its outage line), not in a banner that pushes it down.
    set((state) => ({ sync: { ...state.sync, running: false }, notice: result.ok ? null : result.error }))
    if (result.ok && result.value.cancelled > 0) set({ announcement: cancelledRunText(result.value) })
    await get().loadAll()
  },

  async cancelSync() {
    const result = await bridge().cancelSync()
    if (!result.ok) set({ notice: result.error })
  },

  async updateSettings(patch) {
    const result = await bridge().updateSettings(patch)
    // A refused change (the OS would not add the login item) keeps the settings shown as they are.
    set(result.ok ? { settings: fromResult(result) } : { notice: result.error })
  },

  async openLogsFolder() {
    const result = await bridge().openLogsFolder()
    if (!result.ok) set({ notice: result.error })
  },

  saveCredentials: async (source, clientId, clientSecret, withoutEncryption) => settingsSaved(set, await bridge().saveCredentials({ source, clientId, clientSecret, ...(withoutEncryption ? { withoutEncryption: true as const } : {}) })),
  clearCredentials: async (source) => settingsRemoved(set, await bridge().clearCredentials({ source })),

  async trackQuest(id, name) {
    const result = await bridge().trackQuest({ id, name })
    if (result.ok) {
      // Every character's quests change: one list read, not a card per character.
      const characters = await bridge().listCharacters()
      set({ settings: fromResult(result), characters: fromResult(characters), announcement: `Tracking "${name.trim()}" on every character: the next sync reads it.` })
    }
    return result
  },

  async untrackQuest(id) {
    const result = await bridge().untrackQuest({ id })
    if (!result.ok) return set({ notice: result.error })
    set({ settings: fromResult(result), characters: fromResult(await bridge().listCharacters()) })
  },

  saveRaiderIoKey: async (key) => settingsSaved(set, await bridge().saveRaiderIoKey({ key })),
  clearRaiderIoKey: async () => settingsRemoved(set, await bridge().clearRaiderIoKey()),
  saveOfficerWebhook: async (url) => settingsSaved(set, await bridge().saveOfficerWebhook({ url })),
  clearOfficerWebhook: async () => settingsRemoved(set, await bridge().clearOfficerWebhook()),

  async postOfficerDigestNow() {
    const result = await bridge().postOfficerDigestNow()
    // The outcome (posted or why not) is kept in the settings either way: read them again.
    const settings = result.ok ? result : await bridge().getSettings()
    if (settings.ok) set({ settings: fromResult(settings) })
    return result
  },

  dismissNotice: () => set({ notice: null }),

  setBoard(patch) {
    const board = { ...get().board, ...patch }
    set({ board })
    void bridge()
      .updateSettings({ board })
      .then((result) => (result.ok ? set({ settings: fromResult(result) }) : undefined))
  },
}))

/** Wires main's events and the URL hash into the store; returns an unsubscribe. */
export function subscribeToMain(): () => void {
  const api = bridge()
  const offs = [
    api.on('sync:progress', (progress) => useVault.setState({ sync: progress })),
    // A sync of twelve characters sends twelve of these: each refreshes its own card, not the whole list.
    api.on('data:changed', ({ characterId }) => void useVault.getState().refreshCharacter(characterId)),
    api.on('update:status', (update) => useVault.setState({ update })),
    api.on('app:navigate', ({ characterId, waitingOnly }) => {
      if (waitingOnly) useVault.getState().setBoard({ waitingOnly: true })
      useVault.getState().navigate(characterId === null ? { name: 'overview' } : { name: 'character', id: characterId })
    }),
  ]
  const onHash = () => useVault.getState().navigate(parseRoute(window.location.hash))
  window.addEventListener('hashchange', onHash)
  // A link that started the app came before this page listened: main kept it for us to take.
  void api.takePendingRoute().then((result) => {
    if (result.ok && result.value.characterId !== null) useVault.getState().navigate({ name: 'character', id: result.value.characterId })
  }, () => undefined)
  return () => {
    for (const off of offs) off()
    window.removeEventListener('hashchange', onHash)
  }
}

/** What a cancelled run did: "Sync cancelled: 47 of 120 characters synced; the others sync at their next hourly turn." */
function cancelledRunText(summary: SyncSummary): string {
  const finished = summary.synced + summary.failed
  return `Sync cancelled: ${finished} of ${countOf(finished + summary.cancelled, 'character')} synced; the others sync at their next hourly turn.`
}
