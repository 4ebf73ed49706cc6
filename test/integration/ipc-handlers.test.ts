import { describe, expect, it } from 'vitest'
import { DEFAULT_BOARD_PREFERENCES } from '../../shared/domain/board.ts'
import { createPendingRoute } from '../../main/desktop/pending-route.ts'
import { createIpcHandlers, type DesktopHooks, type IpcHandlers } from '../../main/ipc-handlers.ts'
import type { AppSettings } from '../../main/app-settings.ts'
import { addCharacter, listCharacters } from '../../main/store/characters-repo.ts'
import { createCoreScheduler } from '../../main/composition.ts'
import { FakeClock } from '../fakes/fake-clock.ts'
import { setSetting } from '../../main/store/settings-repo.ts'
import { openStore } from '../../main/store/db.ts'
import { StoreError } from '../../main/store/store-error.ts'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile, raiderIoRun } from '../fakes/builders.ts'
import { MemorySecrets } from '../fakes/memory-secrets.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { freePort } from '../support/free-port.ts'

const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const RESET = Date.parse('2026-11-24T15:00:00.000Z')
const HOUR = 3_600_000

function seedThrall() {
  h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    encounters: blizzardEncounters([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Chimaerus', difficulty: 'NORMAL', count: 1, lastKill: RESET + 2 * HOUR, instance: 'The Dreamrift' }]),
    keystone: blizzardKeystoneProfile(1091, []),
    profile: { name: 'Thrall', realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, active_spec: { name: 'Enhancement' }, equipped_item_level: 311 },
  })
  h.apis.raiderio.setProfile('us', 'area-52', 'Thrall', raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 10, completed_at: new Date(RESET + HOUR).toISOString() })], [], { name: 'Thrall' }))
  h.apis.wcl.setCharacter('us', 'area-52', 'Thrall', { id: 1, reports: [], zoneRankings: { 4: { rankings: [{ encounter: { id: 1, name: 'Vorasius' }, rankPercent: 87.3 }] } } })
}

function handlers(secrets = new MemorySecrets(), env = h.apis.env, desktop?: DesktopHooks): { ipc: IpcHandlers; secrets: MemorySecrets; responses: unknown[] } {
  const ipc = createIpcHandlers({ appVersion: '0.1.0', core: h.core(), secrets, env, desktop })
  const responses: unknown[] = []
  // Record every response so tests can search them for secrets.
  const recording = Object.fromEntries(Object.entries(ipc).map(([channel, fn]) => [channel, async (args: unknown[]) => { const r = await fn(args); responses.push(r); return r }])) as IpcHandlers
  return { ipc: recording, secrets, responses }
}

describe('IPC handlers on the real core', () => {
  it('adds a character after checking it exists, syncs it and shows its vault with sources and parses', async () => {
    seedThrall()
    const { ipc } = handlers()
    const added = await ipc['characters:add']([{ region: 'US', realm: 'Area 52', name: 'thrall' }])
    expect(added).toMatchObject({ ok: true, value: { name: 'Thrall', realm: 'area-52', region: 'us', lastSyncedAt: null } })
    expect(await ipc['sync:run']([{}])).toEqual({ ok: true, value: { synced: 1, failed: 0, cancelled: 0, errors: [] } })
    const [overview] = ((await ipc['characters:list']([])) as { ok: true; value: { raid: { unlocked: boolean }[]; className: string | null }[] }).value
    expect(overview?.raid[0]?.unlocked).toBe(true)
    expect(overview?.className).toBe('Shaman')
    // One character's card alone (what the window asks for after data:changed names it): the same as listed.
    expect(await ipc['characters:get']([{ characterId: 1 }])).toEqual({ ok: true, value: overview })
    expect(await ipc['characters:get']([{ characterId: 2 }])).toEqual({ ok: false, error: { code: 'UNKNOWN_CHARACTER', message: 'That character is not tracked any more.' } })
    const view = await ipc['vault:get']([{ characterId: 1 }])
    if (!view.ok) throw new Error(view.error.message)
    expect(view.value.current.raid.bosses).toEqual([
      { name: 'Vorasius', difficulty: 'heroic', sources: ['blizzard'], lastKillAt: RESET + HOUR, parsePercent: 87.3 },
      { name: 'Chimaerus', difficulty: 'normal', sources: ['blizzard'], lastKillAt: RESET + 2 * HOUR, parsePercent: null },
    ])
    expect(view.value.current.dungeons.slots[0]).toMatchObject({ unlocked: true, level: 10, itemLevel: 318 })
    expect(view.value.previous.week.end).toBe(RESET)
    expect(view.value.sources.raiderio.status).toBe('ok')
  })

  it('"Sync all" counts a sync that threw as failed, with its reason, instead of dropping it', async () => {
    seedThrall()
    const { ipc } = handlers()
    await ipc['characters:add']([{ region: 'us', realm: 'Area 52', name: 'Thrall' }])
    // Hold Raider.IO's answer, remove the character meanwhile: the sync's write then fails.
    let arrived: () => void = () => {}
    const reached = new Promise<void>((resolve) => (arrived = resolve))
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    h.apis.raiderio.server.gate = (path) => (path.includes('characters/profile') ? (arrived(), held) : undefined)
    const running = ipc['sync:run']([{}])
    await reached
    h.core().store.sqlite.prepare('delete from characters').run()
    release()
    const summary = await running
    expect(summary).toEqual({ ok: true, value: { synced: 0, failed: 1, cancelled: 0, errors: ['Thrall: The sync of Thrall was not saved: the character was removed while it synced.'] } })
  })

  it('"Cancel sync" stops a running "Sync all": the characters not started are left for their hourly sync, and the next run works', async () => {
    const names = ['Aa', 'Bb', 'Cc', 'Dd', 'Ee', 'Ff']
    for (const name of names) {
      h.apis.blizzard.setCharacter('us', 'area-52', name, { encounters: blizzardEncounters([]), keystone: blizzardKeystoneProfile(1091, []), profile: { name, realm: { name: 'Area 52', slug: 'area-52' } } })
      h.apis.raiderio.setProfile('us', 'area-52', name, raiderIoProfile([], [], { name }))
    }
    delete h.apis.env.VAULT_WCL_CLIENT_ID
    const core = h.core()
    for (const name of names) addCharacter(core.store.db, { region: 'us', realm: 'area-52', name }, h.clock.now)
    const scheduler = createCoreScheduler(core, new FakeClock(h.clock.now), { concurrency: 2 })
    const ipc = createIpcHandlers({ appVersion: '0.1.0', core, scheduler, secrets: new MemorySecrets(), env: h.apis.env })
    // Two characters at a time; hold Raider.IO so the first two are still syncing when the player cancels.
    let arrivals = 0
    let bothArrived: () => void = () => {}
    const reached = new Promise<void>((resolve) => (bothArrived = resolve))
    const never = new Promise<void>(() => {})
    h.apis.raiderio.server.gate = (path) => (path.includes('characters/profile') ? (++arrivals === 2 && bothArrived(), never) : undefined)
    const running = ipc['sync:run']([{}])
    await reached
    expect(await ipc['sync:cancel']([])).toEqual({ ok: true, value: { cancelled: true } })
    const summary = (await running) as { ok: true; value: { synced: number; failed: number; cancelled: number; errors: string[] } }
    // The four waiting were not started; the two in progress ended their held request.
    expect(summary.value).toEqual({ synced: 0, failed: 0, cancelled: 6, errors: [] })
    expect(arrivals).toBe(2)
    // The cancel is not Raider.IO's fault: nothing is held against it.
    const aa = (await ipc['vault:get']([{ characterId: 1 }])) as { ok: true; value: { sources: Record<string, { status: string; error: unknown }> } }
    expect(aa.value.sources.raiderio?.error).toBeNull()
    // Only the two in progress asked anything (whether their Blizzard requests were sent before the
    // cancel depends on the machine's speed; the waiting four asked nothing anywhere).
    expect(h.apis.raiderio.server.requestsTo(/characters\/profile/).map((r) => r.query.get('name')).sort()).toEqual(['Aa', 'Bb'])
    expect(h.apis.blizzard.server.requestsTo(/profile\/wow\/character\/area-52\/(cc|dd|ee|ff)/)).toHaveLength(0)
    // Nothing running: a cancel now says so, and the next "Sync all" syncs everyone.
    expect(await ipc['sync:cancel']([])).toEqual({ ok: true, value: { cancelled: false } })
    h.apis.raiderio.server.gate = undefined
    const again = (await ipc['sync:run']([{}])) as { ok: true; value: { synced: number; cancelled: number } }
    expect(again.value).toMatchObject({ synced: 6, cancelled: 0 })
    await scheduler.stop()
  })

  it('the reminder before the reset: 2–48 hours or off; anything else is refused and nothing is stored', async () => {
    const { ipc } = handlers()
    expect(await ipc['settings:update']([{ reminderHours: 24 }])).toMatchObject({ ok: true, value: { reminderHours: 24 } })
    expect(await ipc['settings:update']([{ reminderHours: null }])).toMatchObject({ ok: true, value: { reminderHours: null } })
    for (const bad of [1, 49, 2.5, '12']) expect(await ipc['settings:update']([{ reminderHours: bad }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ipc['settings:get']([])).toMatchObject({ ok: true, value: { reminderHours: null } })
  })

  it('a database locked by the other process is a clear DB_BUSY in the window, and nothing is lost', async () => {
    seedThrall()
    const { ipc } = handlers()
    await ipc['characters:add']([{ region: 'us', realm: 'Area 52', name: 'Thrall' }])
    const other = openStore(h.core().store.path)
    other.sqlite.exec('BEGIN IMMEDIATE')
    try {
      expect(await ipc['characters:remove']([{ id: 1 }])).toEqual({ ok: false, error: { code: 'DB_BUSY', message: expect.stringContaining('another Vault Companion process') } })
    } finally {
      other.sqlite.exec('ROLLBACK')
      other.close()
    }
    expect((await ipc['characters:list']([])) as { ok: true; value: unknown[] }).toMatchObject({ ok: true, value: [{ name: 'Thrall' }] })
  })

  it.each([
    [{ region: 'mars', realm: 'Area 52', name: 'Thrall' }, 'INVALID_INPUT', 'Unknown region "mars"'],
    [{ region: 'us', realm: 'Area/52', name: 'Thrall' }, 'INVALID_INPUT', 'Realm names cannot contain "/"'],
    [{ region: 'us', realm: 'Area 52', name: 'Thr4ll' }, 'INVALID_INPUT', 'only letters'],
    [{ region: 'us', realm: 'Area 52', name: 'Nobodyhere' }, 'UNKNOWN_CHARACTER', 'Nobodyhere'],
  ])('refuses %j with %s and stores nothing', async (input, code, message) => {
    seedThrall()
    const { ipc } = handlers()
    const result = await ipc['characters:add']([input])
    expect(result).toMatchObject({ ok: false, error: { code } })
    if (!result.ok) expect(result.error.message).toContain(message)
    expect(await ipc['characters:list']([])).toEqual({ ok: true, value: [] })
  })

  it.each([
    ['characters:remove', [{ id: -1 }]],
    ['characters:remove', [{ id: 1, extra: true }]],
    ['vault:get', ['1']],
    ['characters:get', [{ characterId: 0 }]],
    ['characters:get', [{ id: 1 }]],
    ['characters:add', [{ region: 'us', realm: 'x'.repeat(500), name: 'Thrall' }]],
    ['credentials:save', [{ source: 'blizzard', clientId: 'has space', clientSecret: 's' }]],
    ['credentials:save', [{ source: 'github', clientId: 'a', clientSecret: 'b' }]],
    ['settings:update', [{ notifications: 'yes' }]],
  ] as const)('validates %s arguments before touching the core: %j', async (channel, args) => {
    const { ipc } = handlers()
    expect(await ipc[channel](args as unknown as unknown[])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('removes a character, and announces adding and removing to listeners such as the tray', async () => {
    seedThrall()
    const { ipc } = handlers()
    const changed: number[] = []
    h.core().events.on('data:changed', ({ characterId }) => changed.push(characterId))
    await ipc['characters:add']([{ region: 'us', realm: 'area-52', name: 'Thrall' }])
    expect(changed).toEqual([1])
    expect(await ipc['characters:remove']([{ id: 1 }])).toEqual({ ok: true, value: { removed: true } })
    expect(changed).toEqual([1, 1])
    expect(await ipc['characters:remove']([{ id: 1 }])).toEqual({ ok: true, value: { removed: false } })
    expect(changed).toEqual([1, 1])
    expect(await ipc['vault:get']([{ characterId: 1 }])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHARACTER' } })
  })

  it('saves credentials for the core without ever returning them', async () => {
    delete h.apis.env.VAULT_WCL_CLIENT_ID
    delete h.apis.env.VAULT_WCL_CLIENT_SECRET
    const { ipc, secrets, responses } = handlers()
    const before = await ipc['settings:get']([])
    expect(before).toMatchObject({ ok: true, value: { credentials: { warcraftlogs: { configured: false, from: null }, blizzard: { configured: true, from: 'environment' } }, secureStorage: 'encrypted' } })
    // Saving asks for one token first: the fake accepts only its own client.
    h.apis.wcl.clientId = 'my-wcl-id'
    h.apis.wcl.clientSecret = 'TOP-SECRET-wcl-value'
    const saved = await ipc['credentials:save']([{ source: 'warcraftlogs', clientId: 'my-wcl-id', clientSecret: 'TOP-SECRET-wcl-value' }])
    expect(saved).toMatchObject({ ok: true, value: { credentials: { warcraftlogs: { configured: true, from: 'saved' } } } })
    expect(h.apis.wcl.tokensIssued).toBe(1)
    expect(secrets.stored.warcraftlogs).toEqual({ clientId: 'my-wcl-id', clientSecret: 'TOP-SECRET-wcl-value' })
    expect(h.core().config.warcraftlogs?.clientSecret).toBe('TOP-SECRET-wcl-value')
    await ipc['settings:update']([{ notifications: false }])
    expect(JSON.stringify(responses)).not.toContain('TOP-SECRET')
    expect(JSON.stringify(responses)).not.toContain('my-wcl-id')
    expect(await ipc['credentials:clear']([{ source: 'warcraftlogs' }])).toMatchObject({ ok: true, value: { notifications: false, credentials: { warcraftlogs: { configured: false } } } })
    expect(h.core().config.warcraftlogs).toBeNull()
  })

  it('new preferences: start at login and updates reach the desktop shell before they are stored; a refusal stores nothing', async () => {
    const applied: AppSettings[] = []
    let refuse: string | undefined
    const desktop: DesktopHooks = {
      logsFolder: '/logs',
      openLogsFolder: async () => (refuse ? 'no file manager' : undefined),
      updateStatus: () => ({ state: 'ready', version: '0.2.0', message: null }),
      settingsChanged: (settings) => {
        applied.push(settings)
        return refuse
      },
    }
    const { ipc } = handlers(undefined, undefined, desktop)
    expect(await ipc['settings:get']([])).toMatchObject({ ok: true, value: { startAtLogin: false, autoUpdate: true } })
    expect(await ipc['settings:update']([{ startAtLogin: true }])).toMatchObject({ ok: true, value: { startAtLogin: true, autoUpdate: true, notifications: true } })
    expect(applied).toEqual([{ notifications: true, closeToTray: true, startAtLogin: true, autoUpdate: true, reminderHours: 12, importPort: 47615, board: DEFAULT_BOARD_PREFERENCES, wowDir: null, officerDigest: { hoursBeforeReset: 12, region: null, guild: null } }])
    refuse = 'Could not change start at login: EACCES'
    expect(await ipc['settings:update']([{ startAtLogin: false }])).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Could not change start at login: EACCES' } })
    expect(await ipc['settings:get']([])).toMatchObject({ ok: true, value: { startAtLogin: true } })
    expect(await ipc['app:info']([])).toMatchObject({ ok: true, value: { logsFolder: '/logs', update: { state: 'ready', version: '0.2.0' } } })
    expect(await ipc['app:open-logs']([])).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Could not open /logs: no file manager' } })
    refuse = undefined
    expect(await ipc['app:open-logs']([])).toEqual({ ok: true, value: { opened: true } })
  })

  it('imports: the window signs in through the system browser, a guild lists members, and only ticked characters are tracked and synced', async () => {
    seedThrall()
    h.apis.blizzard.setAccount('us', { id: 1, wow_accounts: [{ id: 1, characters: [{ name: 'Thrall', realm: { slug: 'area-52', name: 'Area 52' }, playable_class: { id: 7, name: 'Shaman' }, level: 90 }] }] })
    const opened: string[] = []
    const ipc = createIpcHandlers({ appVersion: '0.1.0', core: h.core(), secrets: new MemorySecrets(), env: h.apis.env, openSignInPage: (url) => (opened.push(url), void fetch(url).catch(() => undefined)) })
    const port = await freePort()
    expect(await ipc['settings:update']([{ importPort: port }])).toMatchObject({ ok: true, value: { importPort: port, importRedirectUri: `http://127.0.0.1:${port}/callback` } })
    const list = await ipc['import:account']([{ region: 'us' }])
    expect(list).toMatchObject({ ok: true, value: { title: 'Your Battle.net account (US)', candidates: [{ name: 'Thrall', realm: 'area-52', realmName: 'Area 52', tracked: false }] } })
    expect(opened).toHaveLength(1)
    expect(new URL(opened[0]!).searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`)
    const changed: unknown[] = []
    h.core().events.on('data:changed', (e) => changed.push(e))
    const jaina = { region: 'us', realm: 'azjolnerub', realmName: 'Azjol-Nerub', name: 'Jaina', className: 'Mage' } as const
    expect(await ipc['import:track']([{ picks: [{ region: 'us', realm: 'area-52', realmName: 'Area 52', name: 'Thrall', className: 'Shaman' }, jaina] }])).toEqual({ ok: true, value: { added: 2, alreadyTracked: 0 } })
    // One event per new character: the window and the tray add a card for each.
    expect(changed).toEqual(listCharacters(h.core().store.db).map((c) => ({ characterId: c.id })))
    expect(changed.length).toBe(2)
    expect(await ipc['import:track']([{ picks: [{ region: 'us', realm: 'area-52', realmName: 'Area 52', name: 'Thrall', className: 'Shaman' }] }])).toEqual({ ok: true, value: { added: 0, alreadyTracked: 1 } })
    // Nothing is cancelled when nothing waits; bad picks never reach the store.
    expect(await ipc['import:cancel']([])).toEqual({ ok: true, value: { cancelled: false } })
    expect(await ipc['import:track']([{ picks: [] }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ipc['import:track']([{ picks: [{ region: 'xx', realm: 'a', realmName: null, name: 'B', className: null }] }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ipc['import:track']([{ picks: [{ region: 'us', realm: 'area-52', realmName: null, name: 'Thr4ll', className: null }] }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ipc['import:track']([{ picks: [{ region: 'us', realm: 'Area 52', realmName: null, name: 'Jaina', className: null }] }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '"Area 52" is not a realm slug.' } })
  })

  it('Cancel ends a sign-in the player abandoned', async () => {
    h.apis.blizzard.consent = 'ignore'
    const ipc = createIpcHandlers({ appVersion: '0.1.0', core: h.core(), secrets: new MemorySecrets(), env: h.apis.env, openSignInPage: (url) => void fetch(url).catch(() => undefined) })
    await ipc['settings:update']([{ importPort: await freePort() }])
    const waiting = ipc['import:account']([{ region: 'us' }])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await ipc['import:cancel']([])).toEqual({ ok: true, value: { cancelled: true } })
    expect(await waiting).toEqual({ ok: false, error: { code: 'SIGN_IN_FAILED', message: 'The import was cancelled; nothing was imported.' } })
    // Without the desktop shell there is no browser to open.
    expect(await handlers().ipc['import:account']([{ region: 'us' }])).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('desktop app') } })
  })

  it('preferences saved by an older version keep their values; the new ones read as their defaults', async () => {
    setSetting(h.core().store.db, 'app.preferences', { notifications: false, closeToTray: false }, 1)
    expect(await handlers().ipc['settings:get']([])).toMatchObject({ ok: true, value: { notifications: false, closeToTray: false, startAtLogin: false, autoUpdate: true } })
    // Outside the desktop app there are no logs to open and no updates.
    expect(await handlers().ipc['app:info']([])).toMatchObject({ ok: true, value: { logsFolder: null, update: { state: 'off' } } })
  })

  it('app:pending-route hands the window the route a start-up link kept, once; none outside the desktop app', async () => {
    const route = createPendingRoute()
    const desktop: DesktopHooks = { logsFolder: '/logs', openLogsFolder: async () => undefined, updateStatus: () => ({ state: 'off', version: null, message: null }), settingsChanged: () => undefined, takePendingRoute: () => route.take() }
    route.set(42)
    const { ipc } = handlers(undefined, undefined, desktop)
    expect(await ipc['app:pending-route']([])).toEqual({ ok: true, value: { characterId: 42 } })
    expect(await ipc['app:pending-route']([])).toEqual({ ok: true, value: { characterId: null } })
    expect(await handlers().ipc['app:pending-route']([])).toEqual({ ok: true, value: { characterId: null } })
  })

  it('app:info names the season tables in use, so Settings can show which one prices the vault', async () => {
    const info = await handlers().ipc['app:info']([])
    expect(info.ok && info.value.seasonTables).toEqual({
      tables: [
        { id: 'season-mn-1', name: 'Midnight Season 1', updated: '2026-12-04', from: 'shipped', file: 'season-mn-1.json', why: 'built into this version' },
        { id: 'season-mn-2', name: 'Midnight Season 2', updated: '2026-12-07', from: 'shipped', file: 'season-mn-2.json', why: 'built into this version' },
      ],
      problems: [],
    })
  })

  it('tests credentials before saving them: a rejected pair is never stored, and the message says what to do', async () => {
    const { ipc, secrets } = handlers()
    const result = await ipc['credentials:save']([{ source: 'blizzard', clientId: 'typo-id', clientSecret: 'wrong' }])
    expect(result).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED', message: expect.stringMatching(/^Blizzard rejected the API credentials \(HTTP 401\)\..*Nothing was saved\.$/) } })
    expect(secrets.stored).toEqual({})
  })

  it('says when the OS offers no secure storage, and refuses to save where there is none', async () => {
    const secrets = new MemorySecrets()
    secrets.mode = 'plaintext'
    expect(await handlers(secrets).ipc['settings:get']([])).toMatchObject({ ok: true, value: { secureStorage: 'plaintext' } })
    // Without a keyring nothing is stored unless the player explicitly agreed.
    expect(await handlers(secrets).ipc['credentials:save']([{ source: 'blizzard', clientId: 'a', clientSecret: 'b' }])).toMatchObject({ ok: false, error: { message: expect.stringContaining('Save without encryption') } })
    expect(secrets.stored).toEqual({})
    const { clientId, clientSecret } = h.apis.blizzard
    expect(await handlers(secrets).ipc['credentials:save']([{ source: 'blizzard', clientId, clientSecret, withoutEncryption: true }])).toMatchObject({ ok: true })
    expect(secrets.stored).toEqual({ blizzard: { clientId, clientSecret } })
    secrets.mode = 'unavailable'
    expect(await handlers(secrets).ipc['credentials:save']([{ source: 'blizzard', clientId: 'a', clientSecret: 'b' }])).toMatchObject({ ok: false })
  })

  it('tracks weekly quests for the board: the same checks as the CLI, a full list refused, and the change in every overview', async () => {
    const { ipc } = handlers()
    h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const added = await ipc['quests:track']([{ id: 90001, name: ' Weekly Cache ' }])
    expect(added.ok && added.value.trackedQuests).toEqual([{ id: 90001, name: 'Weekly Cache' }])
    const overview = await ipc['characters:list']([])
    expect(overview.ok && overview.value[0]?.quests).toEqual([{ id: 90001, name: 'Weekly Cache', state: 'unknown', reason: expect.stringContaining('next sync') }])
    // Bad input never reaches the store: refused by the contract (size, type) or by the shared rule (what the player sees).
    for (const bad of [[{ id: 0, name: 'x' }], [{ id: 5, name: 'a\u202eb' }], [{ id: 5, name: '' }], [{ id: '5', name: 'x' }], [{ id: 5, name: 'x', extra: 1 }]]) {
      const refused = await ipc['quests:track'](bad)
      expect(refused.ok ? 'accepted' : refused.error.code, JSON.stringify(bad)).toBe('INVALID_INPUT')
    }
    for (let id = 1; id < 50; id++) await ipc['quests:track']([{ id, name: `Quest ${id}` }])
    const full = await ipc['quests:track']([{ id: 999, name: 'One too many' }])
    expect(full.ok ? 'accepted' : full.error.message).toContain('at most 50 quests')
    const removed = await ipc['quests:untrack']([{ id: 90001 }])
    expect(removed.ok && removed.value.trackedQuests.map((q) => q.id)).not.toContain(90001)
  })

  it('answers every channel with the database error when the database could not be opened', async () => {
    const ipc = createIpcHandlers({ appVersion: '1', core: new StoreError('DB_CORRUPT', 'damaged'), secrets: new MemorySecrets(), env: {} })
    expect(await ipc['characters:list']([])).toEqual({ ok: false, error: { code: 'DB_CORRUPT', message: 'damaged' } })
    expect(await ipc['app:info']([])).toEqual({ ok: true, value: { version: '1', database: { ok: false, error: { code: 'DB_CORRUPT', message: 'damaged' } }, logsFolder: null, update: { state: 'off', version: null, message: null }, seasonTables: null } })
  })
})

describe('Raider.IO access key in Settings', () => {
  it('saved encrypted with the secrets after a shape check, never sent back, used by the next sync; the environment\'s wins; removable', async () => {
    seedThrall()
    const KEY = 'rio-Key_123'
    const { ipc, secrets, responses } = handlers()
    await ipc['characters:add']([{ region: 'us', realm: 'Area 52', name: 'Thrall' }])
    expect(await ipc['raiderio-key:save']([{ key: 'not a key!' }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(secrets.stored.raiderioAccessKey).toBeUndefined()
    expect(await ipc['raiderio-key:save']([{ key: ` ${KEY} ` }])).toMatchObject({ ok: true, value: { raiderioKey: { configured: true, from: 'saved' } } })
    expect(secrets.stored.raiderioAccessKey).toBe(KEY)
    h.apis.raiderio.server.requests.length = 0
    await ipc['sync:run']([{}])
    expect(h.apis.raiderio.server.requestsTo(/characters\/profile/).at(-1)?.query.get('access_key')).toBe(KEY)
    expect(JSON.stringify(responses)).not.toContain(KEY)
    expect(await ipc['raiderio-key:clear']([])).toMatchObject({ ok: true, value: { raiderioKey: { configured: false, from: null } } })
    h.apis.raiderio.server.requests.length = 0
    await ipc['sync:run']([{}])
    expect(h.apis.raiderio.server.requestsTo(/characters\/profile/).at(-1)?.query.has('access_key')).toBe(false)
    const fromEnv = handlers(new MemorySecrets(), { ...h.apis.env, VAULT_RAIDERIO_ACCESS_KEY: 'env-key' })
    expect(await fromEnv.ipc['settings:get']([])).toMatchObject({ ok: true, value: { raiderioKey: { configured: true, from: 'environment' } } })
  })
})
