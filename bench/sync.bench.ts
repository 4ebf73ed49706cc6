/**
 * Sync benchmark against the fake APIs in processes of their own, one per source
 * (bench/fake-apis-process.ts), with an injected latency per answer. For 12, 50 and 120 characters
 * (CONCURRENT_CHARACTERS at a time, as the CLI and the app's scheduler; each scenario in a new core, so the limits' windows start empty, as an
 * hour apart): a first-ever sync (no tokens, nothing stored), a forced "sync all" a minute after it, and an hourly refresh in which 10% of the characters played since the last one;
 * and, as the baseline, 12 characters one after another. Each prints the wall time, the round trips
 * on the critical path (from the fakes' own timestamps, not wall time ÷ latency), the requests per
 * source and Blizzard's per character, and the ratio of the wall time to the bound those requests set:
 * the longer of the critical path's round trips and, for each source, the time its documented limit
 * needs to let them all start plus one answer (Blizzard 100 per second; Raider.IO documents none, so
 * its bound uses the app's own default; Warcraft Logs limits points, not requests).
 * Every figure is repeated (BENCH_RUNS, default 3) and printed as median (min–max). Nothing is asserted.
 * Run: npm run bench   (BENCH_LATENCY_MS=100 by default, the latency the targets are set at)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pLimit from 'p-limit'
import { CONCURRENT_CHARACTERS, createCore, RAIDERIO_DEFAULT_PER_MINUTE } from '../main/composition.ts'
import type { StoredToken } from '../main/ports.ts'
import { addCharacter, type TrackedCharacter } from '../main/store/characters-repo.ts'
import { trackQuest } from '../main/store/quest-checks-repo.ts'
import { benchCharacterNames, criticalPath, spread, startFakes, type Timeline } from './bench-support.ts'

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const HOUR = 3_600_000
/** Thursday of US week 1091. */
const START = Date.parse('2026-11-26T12:00:00.000Z')
/** The documented limits the bound is computed at (Raider.IO: none documented, the app's default). */
const LIMITS: Record<keyof Timeline, { limit: number; interval: number } | null> = {
  blizzard: { limit: 100, interval: 1000 },
  raiderio: { limit: RAIDERIO_DEFAULT_PER_MINUTE, interval: 60_000 },
  warcraftlogs: null,
}

interface Run {
  wallMs: number
  roundTrips: number
  requests: Record<keyof Timeline, number>
  boundMs: number
}

/** The fastest these requests could finish at the documented limits and the measured critical path. */
function boundOf(timeline: Timeline, roundTrips: number): number {
  const limited = (Object.keys(LIMITS) as (keyof Timeline)[]).map((source) => {
    const limit = LIMITS[source]
    const n = timeline[source].length
    return limit && n > 0 ? Math.floor((n - 1) / limit.limit) * limit.interval + LATENCY_MS : 0
  })
  return Math.max(roundTrips * LATENCY_MS, ...limited)
}

type Scenario = 'first' | 'forced' | 'hourly' | 'one-after-another'

/** One run of every scenario in order over one fresh data folder, as a player's day would go. */
async function measure(count: number): Promise<Record<Scenario, Run>> {
  const fakes = await startFakes(count, LATENCY_MS)
  const dataDir = mkdtempSync(join(tmpdir(), 'vault-bench-sync-'))
  const clock = { now: START }
  // Tokens outlive a core, as the CLI's token file and the app's safeStorage keep them.
  const tokens = new Map<string, StoredToken | undefined>()
  const tokenStore = { get: (key: string) => tokens.get(key), set: (key: string, token: StoredToken | undefined) => void tokens.set(key, token) }
  let core = createCore({ dataDir, env: fakes.env, now: () => clock.now, tokenStore })
  try {
    const characters = benchCharacterNames(count).map((name) => addCharacter(core.store.db, { region: 'us', realm: 'area-52', name }, clock.now).character)
    // The weekly board as a player uses it: tracked quests (and the season's crests) ride on requests the sync already makes.
    trackQuest(core.store.db, { id: 90001, name: 'Weekly Cache' }, clock.now)
    const run = async (options: { force: boolean; concurrency?: number; list?: readonly TrackedCharacter[] }): Promise<Run> => {
      // Each scenario starts with the limits' windows empty, as after the hour between two refreshes.
      core.close()
      core = createCore({ dataDir, env: fakes.env, now: () => clock.now, tokenStore })
      await fakes.reset()
      const started = performance.now()
      const limit = pLimit(options.concurrency ?? CONCURRENT_CHARACTERS)
      await Promise.all((options.list ?? characters).map((c) => limit(() => core.sync.syncCharacter(c, { force: options.force }))))
      const wallMs = performance.now() - started
      const timeline = await fakes.timeline()
      const roundTrips = criticalPath([...timeline.blizzard, ...timeline.warcraftlogs, ...timeline.raiderio])
      return { wallMs, roundTrips, requests: { blizzard: timeline.blizzard.length, warcraftlogs: timeline.warcraftlogs.length, raiderio: timeline.raiderio.length }, boundMs: boundOf(timeline, roundTrips) }
    }
    const first = await run({ force: true })
    clock.now += 60_000
    const forced = await run({ force: true })
    // An hour later a tenth of the roster has played; the hourly refresh is not forced.
    clock.now += HOUR
    await fakes.play(Math.round(count / 10))
    const hourly = await run({ force: false })
    clock.now += HOUR
    const oneAfterAnother = count === 12 ? await run({ force: true, concurrency: 1 }) : hourly
    return { first, forced, hourly, 'one-after-another': oneAfterAnother }
  } finally {
    core.close()
    fakes.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function line(label: string, runs: readonly Run[], count: number): string {
  const r = runs[0]!.requests
  const ratio = spread(runs.map((x) => x.wallMs / x.boundMs), '×', 2)
  return `${label.padEnd(48)} ${spread(runs.map((x) => x.wallMs), 'ms').padEnd(22)} ${spread(runs.map((x) => x.roundTrips), 'round trips').padEnd(24)} requests ${`${r.blizzard} / ${r.warcraftlogs} / ${r.raiderio}`.padEnd(16)} Blizzard ${(r.blizzard / count).toFixed(2)} per character; ${ratio} the bound`
}

console.log(`\nSync against fakes in processes of their own (one per source), ${LATENCY_MS} ms per answer, ${CONCURRENT_CHARACTERS} characters at a time; ${RUNS} runs each, median (min–max); requests Blizzard / Warcraft Logs / Raider.IO.`)
for (const count of [12, 50, 120]) {
  const runs: Record<Scenario, Run>[] = []
  for (let i = 0; i < RUNS; i += 1) runs.push(await measure(count))
  console.log(line(`${count} characters, first-ever sync`, runs.map((r) => r.first), count))
  console.log(line(`${count} characters, forced sync all right after`, runs.map((r) => r.forced), count))
  console.log(line(`${count} characters, hourly refresh, 10% played since`, runs.map((r) => r.hourly), count))
  if (count === 12) console.log(line(`${count} characters, one after another, forced`, runs.map((r) => r['one-after-another']), count))
}
