/**
 * The fake APIs for the sync benchmark, in a process of their own so their work does not share the
 * benchmarked event loop (the benchmark starts one per source and uses that source's fake from each:
 * bench-support.ts). Seeds BENCH_CHARACTERS characters, adds BENCH_LATENCY_MS to every answer,
 * prints one JSON line ({ env, control }) and serves GET /timeline (every request's arrival and
 * answer, per source), POST /reset and POST /play?count=N (that many characters played since) on the
 * control address. Ends with its parent.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile, raiderIoRun, raidingStaticData } from '../test/fakes/builders.ts'
import { startFakeApis } from '../test/fakes/fake-apis.ts'
import { SEASON_RAIDS } from '../test/support/core-harness.ts'
import { benchCharacterNames } from './bench-support.ts'

const RESET = Date.parse('2026-11-24T15:00:00.000Z')
const count = Number(process.env.BENCH_CHARACTERS ?? 1)
const latency = Number(process.env.BENCH_LATENCY_MS ?? 100)

const apis = await startFakeApis()
const servers = { blizzard: apis.blizzard.server, warcraftlogs: apis.wcl.server, raiderio: apis.raiderio.server }
for (const server of Object.values(servers)) server.latencyMs = latency
apis.raiderio.raidingStaticData.set(11, raidingStaticData(SEASON_RAIDS))
for (const name of benchCharacterNames(count)) {
  apis.blizzard.setCharacter('us', 'area-52', name.toLowerCase(), {
    encounters: blizzardEncounters([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 2, lastKill: RESET + 3_600_000 }, { boss: 'Chimaerus', difficulty: 'NORMAL', count: 1, lastKill: RESET + 7_200_000, instance: 'The Dreamrift' }]),
    keystone: blizzardKeystoneProfile(1091, [{ dungeon: 'Murder Row', level: 12, completedAt: RESET + 3_600_000 }]),
    // Last logged in two days before: a login long caught up with (sync/blizzard-reuse.ts).
    profile: { name, realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, last_login_timestamp: RESET - 2 * 86_400_000 },
  })
  apis.raiderio.setProfile('us', 'area-52', name, raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 12, completed_at: new Date(RESET + 3_600_000).toISOString() })], [], { name }))
  apis.wcl.setCharacter('us', 'area-52', name, {
    id: 1,
    reports: [{ code: `R${name}`, startTime: RESET + 1000, endTime: RESET + 4 * 3_600_000, actors: [{ id: 1, name, server: 'Area52', type: 'Player' }], fights: [{ id: 1, encounterID: 1, name: 'Vorasius', difficulty: 4, kill: true, startTime: 0, endTime: 3_600_000, friendlyPlayers: [1] }] }],
  })
}

const control = createServer((req, res) => {
  if (req.url === '/timeline') {
    const timeline = Object.fromEntries(Object.entries(servers).map(([source, server]) => [source, server.timeline]))
    return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(timeline))
  }
  if (req.method === 'POST' && req.url?.startsWith('/play?')) {
    // ?count=N: the first N characters played since (a new kill, so a later login: blizzard-fake.ts).
    const played = Number(new URL(req.url, 'http://control').searchParams.get('count'))
    for (const name of benchCharacterNames(count).slice(0, played)) {
      const data = apis.blizzard.character('us', 'area-52', name.toLowerCase())!
      const kills = [{ boss: 'Vorasius', difficulty: 'HEROIC', count: 2, lastKill: RESET + 3_600_000 }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + 30 * 3_600_000 }] as const
      apis.blizzard.setCharacter('us', 'area-52', name.toLowerCase(), { ...data, encounters: blizzardEncounters([...kills]) })
    }
    return void res.writeHead(204).end()
  }
  if (req.method === 'POST' && req.url === '/reset') {
    for (const server of Object.values(servers)) server.timeline.length = 0
    return void res.writeHead(204).end()
  }
  res.writeHead(404).end()
})
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve))
console.log(JSON.stringify({ env: apis.env, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` }))
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
