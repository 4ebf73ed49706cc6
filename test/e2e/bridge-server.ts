/**
 * Serves the built renderer for Playwright with a `window.vault` that forwards every call over HTTP to
 * the real IPC handler map: real core, real SQLite, the fake APIs on loopback. Only the page's CSP
 * `connect-src` is relaxed to 'self' so the test bridge can reach this server; the app itself never
 * connects anywhere.
 *
 *   node test/e2e/bridge-server.ts [port]                      the test suite's: a temp folder, fakes, /test/ routes
 *   node test/e2e/bridge-server.ts <port> --data-dir <folder>  the real window over that data folder, with the
 *     sources from the VAULT_* environment variables (as the CLI reads them), seeding nothing of its own
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore, createCoreScheduler, type Core } from '../../main/composition.ts'
import { createIpcHandlers, type IpcHandlers } from '../../main/ipc-handlers.ts'
import { updateAppSettings } from '../../main/app-settings.ts'
import { createGameFiles } from '../../main/desktop/game-files.ts'
import { silentLogger } from '../../main/logging.ts'
import { addCharacter, listCharacters } from '../../main/store/characters-repo.ts'
import type { Scheduler } from '../../main/sync/scheduler.ts'
import { VAULT_API_CHANNELS, type InvokeChannel, type VaultEventName } from '../../shared/ipc-api.ts'
import { computedWeek } from '../../shared/domain/reset.ts'
import { blizzardCompletedQuests, blizzardEncounters, blizzardKeystoneProfile, blizzardStatistics, MIDNIGHT_SEASONS, raiderIoProfile, raiderIoRun, raidingStaticData } from '../fakes/builders.ts'
import { startFakeApis } from '../fakes/fake-apis.ts'
import { MemorySecrets } from '../fakes/memory-secrets.ts'
import { SEASON_RAIDS } from '../support/core-harness.ts'
import { freePort } from '../support/free-port.ts'

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' } } })
const PORT = Number(positionals[0] ?? 4173)
const ROOT = join(import.meta.dirname, '..', '..', 'out', 'renderer')
const HOUR = 3_600_000
/** A player's data folder: nothing is seeded, faked or deleted, and the sources are the environment's. */
const givenDataDir = options['data-dir'] === undefined ? undefined : resolve(options['data-dir'])

const apis = givenDataDir === undefined ? await startFakeApis() : undefined
/** The Battle.net sign-in's loopback port for this run (the app's default may be taken on a shared machine). */
const SIGN_IN_PORT = await freePort()
apis?.raiderio.raidingStaticData.set(11, raidingStaticData(SEASON_RAIDS))
apis?.raiderio.mythicPlusStaticData.set(11, MIDNIGHT_SEASONS)
// Warcraft Logs starts unconfigured, so the settings test can save credentials through the UI.
const env: Record<string, string | undefined> = apis ? { ...apis.env } : { ...process.env }
if (apis) {
  delete env.VAULT_WCL_CLIENT_ID
  delete env.VAULT_WCL_CLIENT_SECRET
  // The fake Raider.IO sets no limit of its own: a roster of 120 need not wait a minute per 120 requests.
  env.VAULT_RAIDERIO_REQUESTS_PER_MINUTE = '6000'
}

/** The fakes of the test suite's mode (every seeding and /test/ route needs them). */
function fakes() {
  if (!apis) throw new Error('not in the test mode: started with --data-dir')
  return apis
}

/** Thrall on Area 52 (US): kills and runs in the current real week, so slots unlock whenever this runs. */
function seedSources(): void {
  const apis = fakes()
  const week = computedWeek('us', Date.now())
  const at = (hours: number) => Math.min(week.start + hours * HOUR, Date.now() - 60_000)
  apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    encounters: blizzardEncounters([
      { boss: 'Imperator Averzian', difficulty: 'MYTHIC', count: 3, lastKill: at(2) },
      { boss: 'Vorasius', difficulty: 'HEROIC', count: 4, lastKill: at(2.5) },
      { boss: 'Fallen-King Salhadaar', difficulty: 'HEROIC', count: 2, lastKill: at(3) },
      { boss: 'Chimaerus', difficulty: 'NORMAL', count: 1, lastKill: at(4), instance: 'The Dreamrift' },
    ]),
    keystone: blizzardKeystoneProfile(week.period, [{ dungeon: 'Murder Row', level: 12, completedAt: at(1) + 20_000 }]),
    // Two tier-8 delves since the reset would show only at the second read; one proves itself by its time.
    statistics: blizzardStatistics({ 40773: { quantity: 14, lastUpdated: at(3) }, 40771: { quantity: 3, lastUpdated: at(2) } }),
    profile: { name: 'Thrall', realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, active_spec: { name: 'Enhancement' }, equipped_item_level: 311 },
  })
  apis.raiderio.setProfile('us', 'area-52', 'Thrall', raiderIoProfile([
    raiderIoRun({ dungeon: 'Murder Row', mythic_level: 12, completed_at: new Date(at(1)).toISOString() }),
    raiderIoRun({ dungeon: 'Altar of Fangs', mythic_level: 11, completed_at: new Date(at(5)).toISOString(), num_keystone_upgrades: 0 }),
    raiderIoRun({ dungeon: 'Voidscar Arena', mythic_level: 10, completed_at: new Date(at(6)).toISOString() }),
    raiderIoRun({ dungeon: 'Den of Nalorakk', mythic_level: 8, completed_at: new Date(at(7)).toISOString() }),
  ], [], { name: 'Thrall', realm: 'Area 52', class: 'Shaman', active_spec_name: 'Enhancement' }))
  // The signed-in player's Battle.net account and a guild, for the import screen.
  apis.blizzard.setAccount('us', {
    id: 7,
    wow_accounts: [
      { id: 1, characters: [
        { name: 'Thrall', realm: { slug: 'area-52', name: 'Area 52' }, playable_class: { id: 7, name: 'Shaman' }, level: 90 },
        { name: 'Velen', realm: { slug: 'azjolnerub', name: 'Azjol-Nerub' }, playable_class: { id: 5, name: 'Priest' }, level: 90 },
      ] },
      { id: 2, characters: [{ name: 'Lorthemar', realm: { slug: 'area-52', name: 'Area 52' }, playable_class: { id: 3, name: 'Hunter' }, level: 88 }] },
    ],
  })
  apis.blizzard.setGuild('us', 'area-52', 'endless-climb', {
    guild: { name: 'Endless Climb', realm: { slug: 'area-52', name: 'Area 52' } },
    members: [
      { rank: 0, character: { name: 'Thrall', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 7 } } },
      { rank: 2, character: { name: 'Rexxar', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 3 } } },
      { rank: 7, character: { name: 'Mekkatorque', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 9 } } },
    ],
  })
  apis.wcl.setCharacter('us', 'area-52', 'Thrall', {
    id: 1,
    reports: [{ code: 'E2eReport01', startTime: at(0.5), endTime: at(8), actors: [{ id: 1, name: 'Thrall', server: 'Area52', type: 'Player' }], fights: [{ id: 1, encounterID: 3001, name: 'Crown of the Cosmos', difficulty: 4, kill: true, startTime: 0, endTime: Math.max(1, at(6) - at(0.5)), friendlyPlayers: [1] }] }],
    zoneRankings: { 5: { rankings: [{ encounter: { id: 1, name: 'Imperator Averzian' }, rankPercent: 93.4 }] } },
  })
}

/**
 * Eleven more characters for the roster screenshots: mixed classes and progress, one whose Blizzard
 * fails, one with last week's vault waiting; two guilds, Season 2's Hero and Myth crests, and the
 * weekly quest WEEKLY_QUEST done by every other one (all logged in since the reset).
 */
const WEEKLY_QUEST = 90001
const GUILDS = ['Endless Climb', 'Night Watch'] as const
const ROSTER = [
  { name: 'Jaina', cls: 'Mage', spec: 'Frost', ilvl: 318, bosses: 6, keys: [15, 12, 12, 11, 10, 10, 10, 9], lastWeek: true },
  { name: 'Anduin', cls: 'Priest', spec: 'Holy', ilvl: 301, bosses: 0, keys: [7], failing: true },
  { name: 'Sylvanas', cls: 'Hunter', spec: 'Marksmanship', ilvl: 310, bosses: 4, keys: [10, 9, 8, 2] },
  { name: 'Illidan', cls: 'Demon Hunter', spec: 'Havoc', ilvl: 322, bosses: 8, keys: [16, 14, 13, 12, 12, 11, 10, 10] },
  { name: 'Arthas', cls: 'Death Knight', spec: 'Unholy', ilvl: 296, bosses: 2, keys: [] },
  { name: 'Tyrande', cls: 'Druid', spec: 'Balance', ilvl: 305, bosses: 3, keys: [6, 4] },
  { name: 'Valeera', cls: 'Rogue', spec: 'Outlaw', ilvl: 312, bosses: 5, keys: [11, 10, 10, 10] },
  { name: 'Guldan', cls: 'Warlock', spec: 'Destruction', ilvl: 289, bosses: 0, keys: [] },
  { name: 'Varian', cls: 'Warrior', spec: 'Arms', ilvl: 315, bosses: 6, keys: [12, 12, 10] },
  { name: 'Chen', cls: 'Monk', spec: 'Brewmaster', ilvl: 308, bosses: 1, keys: [10, 10, 10, 10, 10, 10] },
  { name: 'Kalecgos', cls: 'Evoker', spec: 'Augmentation', ilvl: 320, bosses: 7, keys: [13, 12] },
] as const
const BOSSES = SEASON_RAIDS.flatMap((r) => r.bosses.map((boss) => ({ boss, instance: r.name })))

function seedRoster(): void {
  const apis = fakes()
  const week = computedWeek('us', Date.now())
  const at = (hours: number) => Math.min(week.start + hours * HOUR, Date.now() - 60_000)
  for (const [index, c] of ROSTER.entries()) {
    const kills = BOSSES.slice(0, c.bosses).map((b, i) => ({ boss: b.boss, instance: b.instance, difficulty: (i % 3 === 0 ? 'MYTHIC' : 'HEROIC') as 'MYTHIC' | 'HEROIC', count: 1, lastKill: at(2 + i) }))
    const previous = 'lastWeek' in c ? BOSSES.slice(0, 4).map((b) => ({ boss: `${b.boss}`, instance: b.instance, difficulty: 'NORMAL' as const, count: 1, lastKill: week.start - 24 * HOUR })) : []
    apis.blizzard.setCharacter('us', 'area-52', c.name.toLowerCase(), {
      encounters: blizzardEncounters([...kills, ...previous]),
      keystone: blizzardKeystoneProfile(week.period, []),
      profile: {
        name: c.name, realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: c.cls }, active_spec: { name: c.spec }, equipped_item_level: c.ilvl,
        last_login_timestamp: at(1), guild: { name: GUILDS[index % 2], id: index % 2, realm: { slug: 'area-52', name: 'Area 52' } },
      },
      statistics: blizzardStatistics({ 62915: { quantity: 300 + 40 * index, lastUpdated: week.start - HOUR }, 62916: { quantity: 20 * index, lastUpdated: week.start - HOUR } }),
      quests: blizzardCompletedQuests(index % 2 === 0 ? [WEEKLY_QUEST] : []),
    })
    if ('failing' in c) apis.blizzard.server.failNext(new RegExp(`/${c.name.toLowerCase()}`), { kind: 'status', status: 503 }, 10_000)
    apis.raiderio.setProfile('us', 'area-52', c.name, raiderIoProfile(c.keys.map((level, i) => raiderIoRun({ dungeon: ['Murder Row', 'Altar of Fangs', 'Voidscar Arena', 'Den of Nalorakk'][i % 4] as string, mythic_level: level, completed_at: new Date(at(1 + i)).toISOString() })), [], { name: c.name, realm: 'Area 52', class: c.cls, active_spec_name: c.spec, guild: { name: GUILDS[index % 2], realm: 'Area 52' } }))
    addCharacter(core.store.db, { region: 'us', realm: 'area-52', name: c.name }, Date.now())
  }
  addCharacter(core.store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, Date.now())
}

/**
 * More characters for an officer's roster (the board at scale): US, EU, KR and TW, Unicode names,
 * mixed progress from a fixed pattern (every run the same), a few with last week's vault waiting.
 */
const REALMS = [
  { region: 'us', slug: 'area-52', name: 'Area 52' },
  { region: 'eu', slug: 'silvermoon', name: 'Silvermoon' },
  { region: 'kr', slug: 'azshara', name: '아즈샤라' },
  { region: 'tw', slug: 'world-tree', name: '世界之樹' },
] as const
const NAME_STEMS = ['Ëlën', 'Æthel', 'Bröng', 'Sägr', 'Shād', 'Lúmi', 'Kàel', 'Dorn', 'Vess', 'Ysol', '달빛', '고요']
const CLASSES = [['Mage', 'Frost'], ['Priest', 'Holy'], ['Hunter', 'Beast Mastery'], ['Druid', 'Restoration'], ['Warrior', 'Protection'], ['Rogue', 'Subtlety'], ['Paladin', 'Retribution'], ['Monk', 'Windwalker']] as const

function seedMore(count: number): void {
  const apis = fakes()
  for (let i = 0; i < count; i += 1) {
    const realm = REALMS[i % REALMS.length]!
    const week = computedWeek(realm.region, Date.now())
    const at = (hours: number) => Math.min(week.start + hours * HOUR, Date.now() - 60_000)
    const name = `${NAME_STEMS[i % NAME_STEMS.length]}${String.fromCharCode(97 + (Math.floor(i / NAME_STEMS.length) % 26))}`
    const [cls, spec] = CLASSES[i % CLASSES.length]!
    const bosses = (i * 7) % 10
    const keys = Array.from({ length: (i * 5) % 9 }, (_, k) => 4 + ((i + k * 3) % 12))
    const kills = BOSSES.slice(0, bosses).map((b, k) => ({ boss: b.boss, instance: b.instance, difficulty: (['NORMAL', 'HEROIC', 'MYTHIC'] as const)[(i + k) % 3]!, count: 1, lastKill: at(2 + k) }))
    const previous = i % 5 === 0 ? BOSSES.slice(0, 3).map((b) => ({ boss: b.boss, instance: b.instance, difficulty: 'HEROIC' as const, count: 1, lastKill: week.start - 24 * HOUR })) : []
    apis.blizzard.setCharacter(realm.region, realm.slug, name.toLowerCase(), {
      encounters: blizzardEncounters([...kills, ...previous]),
      keystone: blizzardKeystoneProfile(week.period, []),
      profile: { name, realm: { name: realm.name, slug: realm.slug }, character_class: { name: cls }, active_spec: { name: spec }, equipped_item_level: 290 + ((i * 3) % 33), last_login_timestamp: i % 3 === 0 ? week.start - 2 * HOUR : at(1) },
      statistics: blizzardStatistics({ 62915: { quantity: 100 + 13 * i, lastUpdated: week.start - HOUR } }),
    })
    apis.raiderio.setProfile(realm.region, realm.slug, name, raiderIoProfile(keys.map((level, k) => raiderIoRun({ dungeon: ['Murder Row', 'Altar of Fangs', 'Voidscar Arena', 'Den of Nalorakk'][k % 4] as string, mythic_level: level, completed_at: new Date(at(1 + k)).toISOString() })), [], { name, realm: realm.name, class: cls, active_spec_name: spec }))
    addCharacter(core.store.db, { region: realm.region, realm: realm.slug, name }, Date.now() + i)
  }
}

let dataDir = ''
let core: Core
let scheduler: Scheduler
let handlers: IpcHandlers
let secrets: MemorySecrets
const clients = new Set<ServerResponse>()

/** Starts a fresh core; `withoutBlizzard` is the default first run, with no API credentials at all. */
function boot(withoutBlizzard = false): void {
  dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'vault-e2e-'))
  const bootEnv = { ...env }
  if (withoutBlizzard) for (const name of ['VAULT_BLIZZARD_CLIENT_ID', 'VAULT_BLIZZARD_CLIENT_SECRET']) delete bootEnv[name]
  core = createCore({ dataDir, env: bootEnv, http: { baseDelayMs: 5, retries: 1, timeoutMs: 3000 } })
  scheduler = createCoreScheduler(core)
  secrets = new MemorySecrets()
  // The "browser": follows Blizzard's (fake) sign-in page back to the app, with the player's consent.
  handlers = createIpcHandlers({ appVersion: '0.1.0', core, scheduler, secrets, env: bootEnv, openSignInPage: (url) => void fetch(url).catch(() => undefined) })
  if (!givenDataDir) updateAppSettings(core.store.db, { importPort: SIGN_IN_PORT }, Date.now())
  const push = (event: VaultEventName, payload: unknown) => {
    for (const client of clients) client.write(`data: ${JSON.stringify({ event, payload })}\n\n`)
  }
  core.events.on('run:progress', ({ done, total }) => push('sync:progress', { running: done < total, done, total }))
  core.events.on('data:changed', ({ characterId }) => push('data:changed', { characterId }))
}

async function reset(withoutBlizzard: boolean): Promise<void> {
  const apis = fakes()
  await scheduler.stop()
  for (const fake of [apis.blizzard, apis.raiderio, apis.wcl]) {
    fake.server.clearFaults()
    fake.server.gate = undefined
  }
  core.close()
  rmSync(dataDir, { recursive: true, force: true })
  seedSources()
  boot(withoutBlizzard)
}

const bridgeScript = `(() => {
  if (window.vault) return
  const channels = ${JSON.stringify(VAULT_API_CHANNELS)}
  const listeners = {}
  const source = new EventSource('/events')
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data)
    for (const listener of listeners[event] || []) listener(payload)
  }
  const api = {}
  for (const [method, channel] of Object.entries(channels)) {
    api[method] = async (...args) => (await fetch('/rpc/' + channel, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })).json()
  }
  api.on = (event, listener) => {
    (listeners[event] = listeners[event] || []).push(listener)
    return () => { listeners[event] = listeners[event].filter((l) => l !== listener) }
  }
  window.vault = Object.freeze(api)
})()`

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' }

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  try {
    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      const channel = url.pathname.slice(5) as InvokeChannel
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const handler = handlers[channel]
      if (!handler) return void res.writeHead(404).end()
      const result = await handler(JSON.parse(Buffer.concat(chunks).toString() || '[]') as unknown[])
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (req.method === 'POST' && url.pathname.startsWith('/test/') && !apis) return void res.writeHead(404).end()
    if (req.method === 'POST' && url.pathname === '/test/seed-roster') {
      seedRoster()
      // ?count=120: the roster of an officer, more characters with the same shapes.
      const count = Number(url.searchParams.get('count') ?? 0)
      if (count > ROSTER.length + 1) seedMore(count - ROSTER.length - 1)
      await scheduler.runNow()
      return void res.writeHead(204).end()
    }
    if (req.method === 'POST' && url.pathname === '/test/finish') {
      // All nine slots for one seeded character: eight tier-8 delves on top of its bosses and keys (two reads).
      const name = url.searchParams.get('name') ?? ''
      const character = listCharacters(core.store.db).find((c) => c.name === name)
      if (!character) return void res.writeHead(404).end()
      const week = computedWeek('us', Date.now())
      const statistics = (quantity: number, lastUpdated: number) => ({ ...fakes().blizzard.character('us', 'area-52', name.toLowerCase()), statistics: blizzardStatistics({ 40773: { quantity, lastUpdated } }) })
      fakes().blizzard.setCharacter('us', 'area-52', name.toLowerCase(), statistics(20, week.start - HOUR))
      await core.sync.syncCharacter(character, { force: true })
      fakes().blizzard.setCharacter('us', 'area-52', name.toLowerCase(), statistics(28, Date.now() - 60_000))
      await core.sync.syncCharacter(character, { force: true })
      return void res.writeHead(204).end()
    }
    if (req.method === 'POST' && url.pathname === '/test/outage') {
      // A source that stops answering for every character (?source=raiderio|blizzard|warcraftlogs).
      const source = url.searchParams.get('source')
      const fake = source === 'raiderio' ? fakes().raiderio : source === 'blizzard' ? fakes().blizzard : fakes().wcl
      fake.server.failNext(/./, { kind: 'status', status: 503 }, 100_000)
      await scheduler.runNow()
      return void res.writeHead(204).end()
    }
    if (req.method === 'POST' && url.pathname === '/test/read-game-files') {
      // What the app does when the game writes its files (a logout): the app's own reader, over the
      // game folder the window's Settings named, announcing each matched character.
      await createGameFiles({ core, env, log: silentLogger }).refresh()
      return void res.writeHead(204).end()
    }
    if (req.method === 'POST' && url.pathname === '/test/hold-raiderio') {
      // Raider.IO's profiles are not answered until the next reset: a sync that stays in progress.
      fakes().raiderio.server.gate = (path) => (path.includes('characters/profile') ? new Promise<void>(() => {}) : undefined)
      return void res.writeHead(204).end()
    }
    if (req.method === 'POST' && url.pathname === '/test/consent') {
      // What the player does on Blizzard's sign-in page: allow (default) or deny.
      fakes().blizzard.consent = url.searchParams.get('value') === 'deny' ? 'deny' : 'allow'
      return void res.writeHead(204).end()
    }
    if (req.method === 'POST' && url.pathname === '/test/reset') {
      fakes().blizzard.consent = 'allow'
      await reset(url.searchParams.get('blizzard') === 'off')
      return void res.writeHead(204).end()
    }
    if (url.pathname === '/test-bridge.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(bridgeScript)
    const path = normalize(join(ROOT, url.pathname === '/' ? 'index.html' : url.pathname))
    if (!path.startsWith(ROOT)) return void res.writeHead(403).end()
    let body = readFileSync(path)
    if (path.endsWith('index.html')) {
      body = Buffer.from(
        body
          .toString()
          .replace("connect-src 'none'", "connect-src 'self'")
          .replace('<head>', '<head>\n    <script src="/test-bridge.js"></script>'),
      )
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
  } catch (error) {
    res.writeHead((error as NodeJS.ErrnoException).code === 'ENOENT' ? 404 : 500).end(String(error))
  }
})

if (apis) seedSources()
boot()
server.listen(PORT, '127.0.0.1', () => console.log(`bridge server on http://127.0.0.1:${PORT}${givenDataDir ? ` over ${givenDataDir}` : ''}`))
const shutdown = async () => {
  server.close()
  for (const client of clients) client.end()
  await scheduler.stop()
  core.close()
  await apis?.close()
  if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown())
process.on('SIGINT', () => void shutdown())
