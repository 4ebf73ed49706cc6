/**
 * Sync benchmark against local fake APIs with an injected per-request latency. Prints, for 1 and 25
 * characters: wall time, requests per source, round trips on the critical path, the same for a
 * one-after-another baseline, and a second sync inside the freshness window (expect 0 requests).
 * Figures only; nothing is asserted. Run: npm run bench   (BENCH_LATENCY_MS=50 by default)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pLimit from 'p-limit'
import { createCore } from '../main/composition.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile, raiderIoRun, raidingStaticData } from '../test/fakes/builders.ts'
import { startFakeApis, type FakeApis } from '../test/fakes/fake-apis.ts'
import { SEASON_RAIDS } from '../test/support/core-harness.ts'

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const NOW = Date.parse('2026-11-26T12:00:00.000Z')
const RESET = Date.parse('2026-11-24T15:00:00.000Z')

interface Figures {
  wallMs: number
  requests: Record<'blizzard' | 'warcraftlogs' | 'raiderio', number>
}

async function scenario(count: number, mode: 'concurrent' | 'one-after-another'): Promise<{ first: Figures; second: Figures }> {
  const apis = await startFakeApis()
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-bench-sync-'))
  try {
    for (const server of [apis.blizzard.server, apis.wcl.server, apis.raiderio.server]) server.latencyMs = LATENCY_MS
    apis.raiderio.raidingStaticData.set(11, raidingStaticData(SEASON_RAIDS))
    const core = createCore({ dataDir, env: apis.env, now: () => NOW })
    const characters = Array.from({ length: count }, (_, i) => {
      const name = `Alt${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`
      seed(apis, name)
      return addCharacter(core.store.db, { region: 'us', realm: 'area-52', name }, NOW).character
    })
    const run = async (force: boolean): Promise<Figures> => {
      const before = counts(apis)
      const started = performance.now()
      const limit = pLimit(mode === 'concurrent' ? 4 : 1)
      await Promise.all(characters.map((c) => limit(() => core.sync.syncCharacter(c, { force, sequentialSources: mode === 'one-after-another' }))))
      const after = counts(apis)
      return {
        wallMs: performance.now() - started,
        requests: { blizzard: after.blizzard - before.blizzard, warcraftlogs: after.warcraftlogs - before.warcraftlogs, raiderio: after.raiderio - before.raiderio },
      }
    }
    const first = await run(true)
    const second = await run(false)
    core.close()
    return { first, second }
  } finally {
    await apis.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function seed(apis: FakeApis, name: string): void {
  apis.blizzard.setCharacter('us', 'area-52', name.toLowerCase(), {
    encounters: blizzardEncounters([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 2, lastKill: RESET + 3_600_000 }, { boss: 'Chimaerus', difficulty: 'NORMAL', count: 1, lastKill: RESET + 7_200_000, instance: 'The Dreamrift' }]),
    keystone: blizzardKeystoneProfile(1091, [{ dungeon: 'Murder Row', level: 12, completedAt: RESET + 3_600_000 }]),
    profile: { name, realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' } },
  })
  apis.raiderio.setProfile('us', 'area-52', name, raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 12, completed_at: new Date(RESET + 3_600_000).toISOString() })], [], { name }))
  apis.wcl.setCharacter('us', 'area-52', name, {
    id: 1,
    reports: [{ code: `R${name}`, startTime: RESET + 1000, endTime: RESET + 4 * 3_600_000, actors: [{ id: 1, name, server: 'Area52', type: 'Player' }], fights: [{ id: 1, encounterID: 1, name: 'Vorasius', difficulty: 4, kill: true, startTime: 0, endTime: 3_600_000, friendlyPlayers: [1] }] }],
  })
}

function counts(apis: FakeApis) {
  return { blizzard: apis.blizzard.server.requests.length, warcraftlogs: apis.wcl.server.requests.length, raiderio: apis.raiderio.server.requests.length }
}

function line(label: string, f: Figures): string {
  const total = f.requests.blizzard + f.requests.warcraftlogs + f.requests.raiderio
  return `${label.padEnd(34)} ${f.wallMs.toFixed(0).padStart(6)} ms  ≈${(f.wallMs / LATENCY_MS).toFixed(1).padStart(5)} round trips  requests ${String(total).padStart(4)} (Blizzard ${f.requests.blizzard}, Warcraft Logs ${f.requests.warcraftlogs}, Raider.IO ${f.requests.raiderio})`
}

console.log(`\nSync against local fakes, ${LATENCY_MS} ms per request; round trips = wall time / latency (the critical path).`)
for (const count of [1, 25]) {
  const concurrent = await scenario(count, 'concurrent')
  const baseline = await scenario(count, 'one-after-another')
  console.log(line(`${count} character(s), concurrent`, concurrent.first))
  console.log(line(`${count} character(s), one after another`, baseline.first))
  console.log(line(`${count} character(s), again within 1 h`, concurrent.second))
}
