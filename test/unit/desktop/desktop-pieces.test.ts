import { describe, expect, it, vi } from 'vitest'
import { createSafeStorageSecrets, type SafeStorageLike } from '../../../main/desktop/safe-storage-secrets.ts'
import { createSafeStorageTokenStore } from '../../../main/desktop/safe-storage-tokens.ts'
import { buildTrayMenu, traySummary, trayTooltip } from '../../../main/desktop/tray-menu.ts'
import { unlockNotice } from '../../../main/desktop/unlock-notice.ts'
import type { CharacterOverview } from '../../../shared/ipc-api.ts'
import { seasonViewOf } from '../../support/season-views.ts'

const slot = (unlocked: boolean, extra: object = {}) => ({ threshold: 2, progress: 0, unlocked, difficulty: null, itemLevel: null, reward: null, ...extra })
const dslot = (unlocked: boolean, extra: object = {}) => ({ threshold: 1, progress: 0, unlocked, level: null, itemLevel: null, reward: null, ...extra })
const complete = { status: 'complete' as const, reasons: [] }

const wslot = (unlocked: boolean) => ({ threshold: 2, progress: 0, unlocked, tier: unlocked ? 8 : null, itemLevel: unlocked ? 305 : null, reward: unlocked ? { itemLevel: 305, track: 'Hero' as const, rank: 1, confirmed: true, exceptions: [] } : null })

function overview(id: number, name: string, raid: boolean[], dungeons: boolean[], weekStart = 1000, trust: CharacterOverview['trust'] = { raid: complete, dungeons: complete, world: complete }, world: boolean[] = [false, false, false]): CharacterOverview {
  return {
    id, name, region: 'us', realm: 'area-52', realmName: 'Area 52', lastLoginAt: null, raiderioCrawledAt: null, lastWeek: { unlockedSlots: 0, opened: false, waiting: 'none' as const }, className: null, specName: null, itemLevel: null, mythicRating: null, guild: null, crests: { known: false, kinds: [], note: null }, quests: [],
    week: { period: 1091, start: weekStart, end: weekStart + 604_800_000 },
    season: seasonViewOf(),
    raid: raid.map((u) => slot(u, u ? { difficulty: 'heroic', itemLevel: 318, reward: { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] } } : {})) as CharacterOverview['raid'],
    dungeons: dungeons.map((u) => dslot(u, u ? { level: 10, itemLevel: 318, reward: { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] } } : {})) as CharacterOverview['dungeons'],
    world: world.map(wslot),
    trust, lastSyncedAt: null, nextSyncAt: null,
    nextSteps: { raid: { unlock: null, upgrade: null }, dungeons: { unlock: null, upgrade: null }, world: { unlock: null, upgrade: null } }, failingSources: [], trackedSince: 0,
  }
}

describe('tray menu', () => {
  const actions = { syncAll: vi.fn(), cancelSync: vi.fn(), openCharacter: vi.fn(), open: vi.fn(), openLogsFolder: vi.fn(), quit: vi.fn() }
  const now = Date.parse('2026-11-26T12:00:00Z')
  const US_WEEK = Date.parse('2026-11-24T15:00:00Z')

  it('summarises each character as "Name · Raid n/3 · M+ n/3" and opens it on click', () => {
    const menu = buildTrayMenu({ characters: [overview(1, 'Thrall', [true, true, false], [true, true, true], US_WEEK), overview(2, 'Jaina', [false, false, false], [true, false, false], US_WEEK)], sync: { running: false, done: 0, total: 0 }, lastSyncAt: now - 5 * 60_000, now }, actions)
    expect(menu.map((m) => m.label ?? '—')).toEqual(['Sync all now', '—', 'No vault waiting · reset in 5 d 3 h', 'Thrall · Raid 2 of 3 · Dungeons 3 of 3 · World 0 of 3', 'Jaina · Raid 0 of 3 · Dungeons 1 of 3 · World 0 of 3', '—', 'Last sync: 5 minutes ago', 'Open Vault Companion', 'Open logs folder', 'Quit'])
    menu[4]?.click?.()
    expect(actions.openCharacter).toHaveBeenCalledWith(2)
    menu[0]?.click?.()
    expect(actions.syncAll).toHaveBeenCalledOnce()
    menu.find((m) => m.label === 'Open logs folder')?.click?.()
    expect(actions.openLogsFolder).toHaveBeenCalledOnce()
  })

  it('never shows a row nobody could check as 0: "?" when unknown, "≥" when partial', () => {
    const unknownRaid = overview(1, 'Thrall', [false, false, false], [true, false, false], 1000, { raid: { status: 'unknown', reasons: ['Blizzard is not configured.'] }, dungeons: { status: 'partial', reasons: ['Only Blizzard…'] }, world: { status: 'unknown', reasons: [] } })
    expect(traySummary(unknownRaid)).toBe('Thrall · Raid ? of 3 · Dungeons ≥1 of 3 · World ? of 3')
  })

  it('says when last week\'s vault waits to be opened', () => {
    const waiting = { ...overview(1, 'Thrall', [false, false, false], [false, false, false]), lastWeek: { unlockedSlots: 3, opened: false, waiting: 'waiting' as const } }
    expect(traySummary(waiting)).toBe('Thrall · Raid 0 of 3 · Dungeons 0 of 3 · World 0 of 3 · vault ready')
    // Slots proven but no read since the reset: whether it was opened is not known, and said so; nothing proven: nothing claimed.
    expect(traySummary({ ...waiting, lastWeek: { unlockedSlots: 3, opened: false, waiting: 'unknown' as const } })).toBe('Thrall · Raid 0 of 3 · Dungeons 0 of 3 · World 0 of 3 · vault ready? (not read since the reset)')
    expect(traySummary({ ...waiting, lastWeek: { unlockedSlots: null, opened: false, waiting: 'unknown' as const } })).toBe('Thrall · Raid 0 of 3 · Dungeons 0 of 3 · World 0 of 3')
    expect(traySummary({ ...waiting, lastWeek: { unlockedSlots: 3, opened: true, waiting: 'none' as const } })).not.toContain('vault ready')
    // From the last login: an estimate, and said to be one.
    expect(traySummary({ ...waiting, lastWeek: { unlockedSlots: 3, opened: false, waiting: 'maybe-opened' as const } })).toBe('Thrall · Raid 0 of 3 · Dungeons 0 of 3 · World 0 of 3 · vault ready? (logged in since the reset)')
  })

  it('shows progress and a Cancel instead of "Sync all" while a sync runs, in the menu and the tooltip', () => {
    const running = { characters: [], sync: { running: true, done: 2, total: 5 }, lastSyncAt: null, now }
    const menu = buildTrayMenu(running, actions)
    expect(menu[0]).toMatchObject({ label: 'Syncing 2 of 5…', enabled: false })
    expect(menu[1]).toMatchObject({ label: 'Cancel sync' })
    menu[1]!.click!()
    expect(actions.cancelSync).toHaveBeenCalledTimes(1)
    expect(menu.map((m) => m.label)).not.toContain('Sync all now')
    expect(trayTooltip(running)).toBe('Vault Companion · Syncing 2 of 5')
    expect(trayTooltip({ sync: { running: false, done: 5, total: 5 }, characters: [], now })).toBe('Vault Companion')
    expect(buildTrayMenu({ ...running, sync: { running: false, done: 5, total: 5 } }, actions)[0]).toMatchObject({ label: 'Sync all now' })
    expect(menu.map((m) => m.label)).toContain('No characters tracked yet')
    expect(menu.map((m) => m.label)).toContain('Never synced')
  })

  it('says how many vaults wait and when each region resets, in the menu and the tooltip', () => {
    const waits = (id: number, name: string, waiting: 'waiting' | 'maybe-opened' | 'none', weekStart = US_WEEK) => ({ ...overview(id, name, [false, false, false], [false, false, false], weekStart), lastWeek: { unlockedSlots: 2, opened: false, waiting } })
    const characters = [waits(1, 'Thrall', 'waiting'), waits(2, 'Jaina', 'maybe-opened'), waits(3, 'Rexxar', 'none')]
    const state = { characters, sync: { running: false, done: 0, total: 0 }, lastSyncAt: null, now }
    expect(trayTooltip(state)).toBe('Vault Companion · 2 vaults waiting · reset in 5 d 3 h')
    expect(buildTrayMenu(state, actions)[2]).toMatchObject({ label: '2 vaults waiting · reset in 5 d 3 h', enabled: false })
    // Several regions: each named, soonest first.
    const eu = waits(4, 'Sylvanas', 'none', Date.parse('2026-11-25T04:00:00Z'))
    expect(trayTooltip({ ...state, characters: [...characters, { ...eu, region: 'eu' as const }] })).toBe('Vault Companion · 2 vaults waiting · US reset in 5 d 3 h · EU in 5 d 16 h')
    // While a sync runs the tooltip says that instead.
    expect(trayTooltip({ ...state, sync: { running: true, done: 1, total: 3 } })).toBe('Vault Companion · Syncing 1 of 3')
  })

  it('traySummary counts unlocked slots only', () => {
    expect(traySummary(overview(1, 'Thrall', [false, false, false], [false, false, false]))).toBe('Thrall · Raid 0 of 3 · Dungeons 0 of 3 · World 0 of 3')
  })
})

describe('unlock notifications', () => {
  it('announces slots unlocked by the last sync, with their rewards', () => {
    const notice = unlockNotice(overview(1, 'Thrall', [true, false, false], [false, false, false]), overview(1, 'Thrall', [true, true, false], [true, false, false], 1000, undefined, [true, false, false]))
    expect(notice).toEqual({ title: 'Thrall unlocked 3 vault slots', body: 'Raid slot 2 (Heroic 318 Myth 1), Dungeon slot 1 (+10 318 Myth 1), World slot 1 (tier 8 305 Hero 1)' })
  })

  it('stays quiet when nothing new unlocked, on the first sync, and across a reset', () => {
    const before = overview(1, 'Thrall', [true, false, false], [false, false, false])
    expect(unlockNotice(before, before)).toBeNull()
    expect(unlockNotice(undefined, before)).toBeNull()
    expect(unlockNotice(before, overview(1, 'Thrall', [true, true, false], [false, false, false], 999_999_999))).toBeNull()
  })
})

describe('safeStorage-backed secrets', () => {
  function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
    return {
      isEncryptionAvailable: () => available,
      encryptString: (plain) => Buffer.from(`enc:${Buffer.from(plain).toString('hex')}`),
      decryptString: (encrypted) => {
        const text = encrypted.toString()
        if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
        return Buffer.from(text.slice(4), 'hex').toString()
      },
      getSelectedStorageBackend: () => backend,
    }
  }

  it('stores only ciphertext and reads it back', () => {
    let blob: string | undefined
    const secrets = createSafeStorageSecrets(fakeSafeStorage(), { read: () => blob, write: (v) => (blob = v) }, 'linux')
    secrets.save({ blizzard: { clientId: 'id-1', clientSecret: 'very-secret' } })
    expect(Buffer.from(blob ?? '', 'base64').toString()).not.toContain('very-secret')
    expect(secrets.load()).toEqual({ blizzard: { clientId: 'id-1', clientSecret: 'very-secret' } })
    // The officer digest's webhook is kept with them, encrypted too, and alone keeps the blob.
    const webhook = 'https://discord.com/api/webhooks/1/hook-token'
    secrets.save({ discordWebhook: webhook })
    expect(Buffer.from(blob ?? '', 'base64').toString()).not.toContain('hook-token')
    expect(secrets.load()).toEqual({ discordWebhook: webhook })
    secrets.save({})
    expect(blob).toBeUndefined()
  })

  it.each([
    ['linux', 'gnome_libsecret', true, 'encrypted'],
    ['linux', 'basic_text', true, 'plaintext'],
    ['darwin', 'unknown', true, 'encrypted'],
    ['win32', 'unknown', false, 'unavailable'],
  ] as const)('%s with backend %s (available: %s) is %s', (platform, backend, available, expected) => {
    expect(createSafeStorageSecrets(fakeSafeStorage(backend, available), { read: () => undefined, write: () => {} }, platform).availability()).toBe(expected)
  })

  it('keeps OAuth tokens encrypted across restarts and drops expired ones', () => {
    let blob: string | undefined
    let now = 1_000
    const store = () => createSafeStorageTokenStore(fakeSafeStorage(), { read: () => blob, write: (v) => (blob = v) }, () => now, 'linux')
    store().set('blizzard:eu', { token: 'tok-secret', expiresAt: 5_000 })
    store().set('wcl', { token: 'wcl-secret', expiresAt: 2_000 })
    expect(Buffer.from(blob ?? '', 'base64').toString()).not.toContain('tok-secret')
    expect(store().get('blizzard:eu')).toEqual({ token: 'tok-secret', expiresAt: 5_000 })
    now = 3_000
    expect(store().get('wcl')).toBeUndefined()
    store().set('blizzard:eu', undefined)
    expect(blob).toBeUndefined()
  })

  it('treats a database it cannot read or write as no saved token instead of failing the sync', () => {
    const store = createSafeStorageTokenStore(fakeSafeStorage(), { read: () => { throw new Error('database is locked') }, write: () => { throw new Error('database is locked') } }, () => 1_000, 'linux')
    expect(store.get('blizzard:eu')).toBeUndefined()
    expect(() => store.set('blizzard:eu', { token: 'tok', expiresAt: 5_000 })).not.toThrow()
  })

  it('keeps tokens in memory only when the OS offers no real encryption', () => {
    let blob: string | undefined
    const store = createSafeStorageTokenStore(fakeSafeStorage('basic_text'), { read: () => blob, write: (v) => (blob = v) }, () => 1_000, 'linux')
    store.set('blizzard:eu', { token: 'tok-secret', expiresAt: 5_000 })
    expect(blob).toBeUndefined()
    expect(store.get('blizzard:eu')?.token).toBe('tok-secret')
  })

  it('reads an undecryptable blob as no saved credentials instead of failing start-up', () => {
    const secrets = createSafeStorageSecrets(fakeSafeStorage(), { read: () => Buffer.from('garbage').toString('base64'), write: () => {} }, 'linux')
    expect(secrets.load()).toEqual({})
  })
})
