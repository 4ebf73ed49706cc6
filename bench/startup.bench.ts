/**
 * Start-up of the CLI (the bundle from `npm run build`, directly and through the `vault-companion` command
 * players run, which turns Node's compile cache on), against plain `node -e 0`:
 * wall time and peak memory of `help` and of `vault` on a database synced once from the fake APIs (so
 * `vault` reads stored season facts and evidence, as it does for a player) and on a copy holding a
 * year of history for a dozen characters, each run BENCH_RUNS times (default 10) as median (min–max);
 * and the size of the renderer's JavaScript, gzipped.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createCore } from '../main/composition.ts'
import { databasePath } from '../main/data-dir.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
import { openStore } from '../main/store/db.ts'
import { recordEncounterSnapshot, recordKeystoneRuns, recordRaidKills } from '../main/store/observations-repo.ts'
import { benchCharacterNames, spread, startFakes } from './bench-support.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const root = join(import.meta.dirname, '..')
const cli = join(root, 'out', 'main', 'cli.js')
/** The command players run: it starts the bundle with Node's compile cache on. */
const bin = join(root, 'bin', 'vault-companion.js')
const rss = join(import.meta.dirname, 'print-peak-rss.mjs')

const dataDir = mkdtempSync(join(tmpdir(), 'vault-bench-start-'))
const [name] = benchCharacterNames(1) as [string]
const character = `us/area-52/${name}`
const fakes = await startFakes(1, 0)
/** The fakes' credentials stay set for the runs, so `vault` reports the sources as configured and read. */
const env = { ...process.env, ...fakes.env }
try {
  const core = createCore({ dataDir, env: fakes.env })
  await core.sync.syncCharacter(addCharacter(core.store.db, { region: 'us', realm: 'area-52', name }, Date.now()).character)
  core.close()
} finally {
  fakes.stop()
}
// A figure for a database the sync failed to fill would flatter the command: refuse to print one.
const synced = JSON.parse(spawnSync(process.execPath, [cli, 'vault', character, '--data-dir', dataDir, '--json'], { encoding: 'utf8', env }).stdout) as { sources: Record<string, { status: string }> }
if (Object.values(synced.sources).some((s) => s.status !== 'ok')) throw new Error(`The benchmark's sync did not reach every fake source: ${JSON.stringify(synced.sources)}`)

/**
 * A copy of the synced database with what a year of syncs leaves for twelve characters: per week,
 * 8 bosses on 2 difficulties from 2 sources and 10 dungeon runs each, and the last five weeks' captures
 * of ~400 kill counters (older ones are dropped by the sync).
 */
const WEEK_MS = 7 * 24 * 3_600_000
const historyDir = mkdtempSync(join(tmpdir(), 'vault-bench-history-'))
cpSync(dataDir, historyDir, { recursive: true })
{
  const store = openStore(databasePath(historyDir))
  const now = Date.now()
  store.transaction((tx) => {
    const ids = benchCharacterNames(12).map((n) => addCharacter(tx, { region: 'us', realm: 'area-52', name: n }, now).character.id)
    for (const id of ids) {
      for (let week = 1; week <= 52; week += 1) {
        const start = now - week * WEEK_MS
        const kills = Array.from({ length: 8 }, (_, b) => b).flatMap((b) => (['heroic', 'mythic'] as const).flatMap((difficulty) => (['blizzard', 'warcraftlogs'] as const).map((source) => ({ bossKey: `boss-${b}`, bossName: `Boss ${b}`, difficulty, source, killedAt: start + b * 60_000 }))))
        recordRaidKills(tx, id, start, kills, start + 3_600_000)
        recordKeystoneRuns(tx, id, start, Array.from({ length: 10 }, (_, r) => ({ dungeon: `Dungeon ${r}`, level: 10 + r, completedAt: start + r * 3_600_000, timed: true, source: 'raiderio' as const })), start + 86_400_000)
        if (week <= 5) recordEncounterSnapshot(tx, id, start, start + 1000, Array.from({ length: 400 }, (_, b) => ({ bossKey: `old-boss-${b}`, bossName: `Old Boss ${b}`, difficulty: 'normal' as const, completedCount: b, lastKillAt: start - b })))
      }
    }
  })
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  store.close()
}
const historyMiB = statSync(databasePath(historyDir)).size / 1024 / 1024

const variants: [label: string, args: string[]][] = [
  ['node -e 0', ['-e', '0']],
  ['vault-companion help (bundle)', [cli, 'help']],
  ['vault-companion vault … (bundle)', [cli, 'vault', character, '--data-dir', dataDir]],
  ['vault-companion help (bin, compile cache)', [bin, 'help']],
  ['vault-companion vault … (bin, compile cache)', [bin, 'vault', character, '--data-dir', dataDir]],
  [`  … with a year of history (${historyMiB.toFixed(1)} MiB)`, [bin, 'vault', character, '--data-dir', historyDir]],
]
const run = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', env })
for (const [, args] of variants) run(args) // fills the compile cache
// Round-robin, so a burst of load on this shared machine lands on every variant alike.
const times = variants.map((): number[] => [])
for (let i = 0; i < RUNS; i += 1) {
  variants.forEach(([, args], v) => {
    const started = performance.now()
    run(args)
    times[v]!.push(performance.now() - started)
  })
}
console.log(`\nCLI start-up (${RUNS} rounds over all variants, median (min–max); peak RSS from 3 more runs with a reporting hook, which costs start-up time):`)
variants.forEach(([label, args], v) => {
  const memory = Array.from({ length: 3 }, () => Number(/peak-rss-kb (\d+)/.exec(run(['--import', rss, ...args]).stderr)?.[1] ?? Number.NaN) / 1024)
  console.log(`${label.padEnd(46)} ${spread(times[v]!, 'ms').padEnd(22)} peak RSS ${spread(memory, 'MiB')}`)
})
// Apart: its 1.5 s and 270 MiB would disturb the others' rounds.
const fromSource = [join(root, 'main', 'cli.ts'), 'vault', character, '--data-dir', dataDir]
const sourceTimes = Array.from({ length: Math.min(RUNS, 5) }, () => {
  const started = performance.now()
  run(fromSource)
  return performance.now() - started
})
const sourceMemory = Number(/peak-rss-kb (\d+)/.exec(run(['--import', rss, ...fromSource]).stderr)?.[1] ?? Number.NaN) / 1024
console.log(`${'vault-companion vault … (from source)'.padEnd(46)} ${spread(sourceTimes, 'ms').padEnd(22)} peak RSS ${sourceMemory.toFixed(0)} MiB`)
for (const dir of [dataDir, historyDir]) rmSync(dir, { recursive: true, force: true })

const assets = join(root, 'out', 'renderer', 'assets')
const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0)
console.log(`\nRenderer JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped (${js.length} file(s))`)
