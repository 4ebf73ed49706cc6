import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { subscribeToMain, useVault } from '../../renderer/src/state/store.ts'
import type { CharacterOverview, VaultApi, VaultEvents } from '../../shared/ipc-api.ts'
import { err, ok } from '../../shared/result.ts'

const overview = (id: number, name: string, itemLevel = 300): CharacterOverview => ({
  id, region: 'us', realm: 'area-52', name, realmName: 'Area 52', className: null, specName: null, itemLevel, lastLoginAt: null, raiderioCrawledAt: null,
  lastWeek: { unlockedSlots: 0, opened: false }, week: { period: 1091, start: 0, end: 1 }, raid: [], notes: [],
} as unknown as CharacterOverview)

let listeners: { [E in keyof VaultEvents]?: (payload: VaultEvents[E]) => void }
let api: { [M in 'listCharacters' | 'getCharacter' | 'getVault' | 'getAppInfo' | 'getSettings' | 'takePendingRoute']: ReturnType<typeof vi.fn> }
let unsubscribe: () => void
/** Sends a main-process event and lets the store's async work settle. */
const emit = async <E extends keyof VaultEvents>(event: E, payload: VaultEvents[E]) => {
  listeners[event]?.(payload)
  await vi.waitFor(() => expect(api.getCharacter.mock.calls.length + api.listCharacters.mock.calls.length).toBeGreaterThan(0))
  await new Promise((resolve) => setTimeout(resolve, 0))
}
const names = () => { const c = useVault.getState().characters; return c.state === 'ready' ? c.value.map((x) => `${x.name}:${x.itemLevel}`) : c.state }

beforeEach(() => {
  listeners = {}
  api = {
    listCharacters: vi.fn(async () => ok([overview(1, 'Thrall'), overview(2, 'Jaina'), overview(3, 'Anduin')])),
    getCharacter: vi.fn(async ({ characterId }: { characterId: number }) => ok(overview(characterId, characterId === 4 ? 'Velen' : 'Jaina', 318))),
    getVault: vi.fn(async () => err('INTERNAL', 'not needed here')),
    getAppInfo: vi.fn(async () => err('INTERNAL', 'not needed here')),
    getSettings: vi.fn(async () => err('INTERNAL', 'not needed here')),
    takePendingRoute: vi.fn(async () => ok({ characterId: null })),
  }
  window.vault = { ...api, on: (event: keyof VaultEvents, listener: never) => { listeners[event] = listener; return () => {} } } as unknown as VaultApi
  useVault.setState({ characters: { state: 'ready', value: [overview(1, 'Thrall'), overview(2, 'Jaina'), overview(3, 'Anduin')] }, route: { name: 'overview' }, notice: null })
  unsubscribe = subscribeToMain()
})
afterEach(() => {
  unsubscribe()
  delete window.vault
})

describe('data:changed for one character', () => {
  it('refreshes that card alone, in place, without listing every character again', async () => {
    await emit('data:changed', { characterId: 2 })
    expect(api.getCharacter).toHaveBeenCalledWith({ characterId: 2 })
    expect(api.listCharacters).not.toHaveBeenCalled()
    expect(names()).toEqual(['Thrall:300', 'Jaina:318', 'Anduin:300'])
  })

  it('adds a character it does not list yet (an import), last, and drops one that is no longer tracked', async () => {
    await emit('data:changed', { characterId: 4 })
    expect(names()).toEqual(['Thrall:300', 'Jaina:300', 'Anduin:300', 'Velen:318'])
    api.getCharacter.mockResolvedValueOnce(err('UNKNOWN_CHARACTER', 'That character is not tracked any more.'))
    await emit('data:changed', { characterId: 1 })
    expect(names()).toEqual(['Jaina:300', 'Anduin:300', 'Velen:318'])
    expect(api.listCharacters).not.toHaveBeenCalled()
  })

  it('reloads the open vault of that character, and only of that one', async () => {
    useVault.setState({ route: { name: 'character', id: 2 } })
    await emit('data:changed', { characterId: 3 })
    expect(api.getVault).not.toHaveBeenCalled()
    await emit('data:changed', { characterId: 2 })
    expect(api.getVault).toHaveBeenCalledWith({ characterId: 2 })
  })

  it('keeps the cards and says why when the read fails', async () => {
    api.getCharacter.mockResolvedValueOnce(err('DB_BUSY', 'Another process is writing.'))
    await emit('data:changed', { characterId: 2 })
    expect(names()).toEqual(['Thrall:300', 'Jaina:300', 'Anduin:300'])
    expect(useVault.getState().notice).toEqual({ code: 'DB_BUSY', message: 'Another process is writing.' })
  })

  it('loads everything when no list is on screen yet (or the last load failed)', async () => {
    useVault.setState({ characters: { state: 'failed', error: { code: 'DB_BUSY', message: 'busy' } } })
    await emit('data:changed', { characterId: 2 })
    expect(api.listCharacters).toHaveBeenCalled()
    expect(names()).toEqual(['Thrall:300', 'Jaina:300', 'Anduin:300'])
  })
})

describe('a link that started the app', () => {
  it('the page takes the route main kept for it once it listens, and opens that character', async () => {
    unsubscribe()
    api.takePendingRoute.mockResolvedValueOnce(ok({ characterId: 3 }))
    unsubscribe = subscribeToMain()
    await vi.waitFor(() => expect(useVault.getState().route).toEqual({ name: 'character', id: 3 }))
    expect(api.takePendingRoute).toHaveBeenCalledTimes(2)
  })

  it('with no kept route the page stays where it is', async () => {
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.takePendingRoute).toHaveBeenCalledTimes(1)
    expect(useVault.getState().route).toEqual({ name: 'overview' })
  })
})

describe('app:navigate from a notification', () => {
  it('a "vaults waiting" click opens the board showing only the vaults waiting, and stores that filter', async () => {
    const updateSettings = vi.fn(async () => err('INTERNAL', 'not needed here'))
    window.vault = { ...window.vault, updateSettings } as unknown as VaultApi
    useVault.setState({ route: { name: 'character', id: 2 }, board: { ...useVault.getState().board, waitingOnly: false } })
    listeners['app:navigate']?.({ characterId: null, waitingOnly: true })
    expect(useVault.getState().route).toEqual({ name: 'overview' })
    expect(useVault.getState().board.waitingOnly).toBe(true)
    await vi.waitFor(() => expect(updateSettings).toHaveBeenCalledWith({ board: expect.objectContaining({ waitingOnly: true }) }))
    // A plain navigation leaves the filter as the player set it.
    listeners['app:navigate']?.({ characterId: 3 })
    expect(useVault.getState().route).toEqual({ name: 'character', id: 3 })
    expect(useVault.getState().board.waitingOnly).toBe(true)
  })
})
