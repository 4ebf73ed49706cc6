/**
 * Sync benchmark against the fake APIs in a separate process (bench/fake-apis-process.ts) with an
 * injected latency per answer. For 1, 12 and 50 characters: wall time, round trips on the critical path
 * (from the fakes' timestamps, not wall time ÷ latency) and requests per source, for a first-ever sync
 * (no tokens yet), a second one with the tokens known (CONCURRENT_CHARACTERS at a time, as the CLI), and
 * one character after another as the baseline.
 * Every figure is repeated (BENCH_RUNS, default 5) and printed as median (min–max). Nothing is asserted.
 * Run: npm run bench   (BENCH_LATENCY_MS=100 by default, the latency the targets are set at)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pLimit from 'p-limit'
import { CONCURRENT_CHARACTERS, createCore } from '../main/composition.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
import { trackQuest } from '../main/store/quest-checks-repo.ts'
import { benchCharacterNames, criticalPath, spread, startFakes, type Timeline } from './bench-support.ts'

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const NOW = Date.parse('2026-11-26T12:00:00.000Z')
interface Run {
  wallMs: number
  roundTrips: number
  requests: Record<keyof Timeline, number>
}

async function measure(count: number, mode: 'concurrent' | 'one-after-another'): Promise<{ first: Run; known: Run }> {
  const fakes = await startFakes(count, LATENCY_MS)
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-bench-sync-'))
  try {
    const core = createCore({ dataDir, env: fakes.env, now: () => NOW })
    const characters = benchCharacterNames(count).map((name) => addCharacter(core.store.db, { region: 'us', realm: 'area-52', name }, NOW).character)
    // The weekly board as a player uses it: tracked quests (and the season's crests) ride on requests the sync already makes.
    trackQuest(core.store.db, { id: 90001, name: 'Weekly Cache' }, NOW)
    const run = async (): Promise<Run> => {
      await fakes.reset()
      const started = performance.now()
      const limit = pLimit(mode === 'concurrent' ? CONCURRENT_CHARACTERS : 1)
      await Promise.all(characters.map((c) => limit(() => core.sync.syncCharacter(c, { force: true, sequentialSources: mode === 'one-after-another' }))))
      const wallMs = performance.now() - started
      const timeline = await fakes.timeline()
      return { wallMs, roundTrips: criticalPath([...timeline.blizzard, ...timeline.warcraftlogs, ...timeline.raiderio]), requests: { blizzard: timeline.blizzard.length, warcraftlogs: timeline.warcraftlogs.length, raiderio: timeline.raiderio.length } }
    }
    const first = await run()
    // Let the first run's requests leave Blizzard's windows (the longest short one is 1.5 s) before the second starts.
    await new Promise((resolve) => setTimeout(resolve, 1600))
    const known = await run()
    core.close()
    return { first, known }
  } finally {
    fakes.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function line(label: string, runs: readonly Run[]): string {
  const r = runs[0]!.requests
  return `${label.padEnd(44)} ${spread(runs.map((x) => x.wallMs), 'ms').padEnd(22)} ${spread(runs.map((x) => x.roundTrips), 'round trips').padEnd(26)} requests ${r.blizzard} / ${r.warcraftlogs} / ${r.raiderio}`
}

console.log(`\nSync against fakes in another process, ${LATENCY_MS} ms per answer; ${RUNS} runs each, median (min–max); requests Blizzard / Warcraft Logs / Raider.IO.`)
for (const count of [1, 12, 50]) {
  const concurrent: { first: Run; known: Run }[] = []
  const sequential: { first: Run; known: Run }[] = []
  for (let i = 0; i < RUNS; i += 1) {
    concurrent.push(await measure(count, 'concurrent'))
    sequential.push(await measure(count, 'one-after-another'))
  }
  console.log(line(`${count} character(s), first-ever sync`, concurrent.map((r) => r.first)))
  console.log(line(`${count} character(s), tokens known`, concurrent.map((r) => r.known)))
  console.log(line(`${count} character(s), one after another, tokens known`, sequential.map((r) => r.known)))
}
