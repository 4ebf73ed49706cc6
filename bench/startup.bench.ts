/**
 * Start-up of the CLI (the bundle from `npm run build`, directly and through the `vault-companion` command
 * players run, which turns Node's compile cache on), against plain `node -e 0`:
 * wall time and peak memory of `help` and of `vault` on a database synced once from the fake APIs (so
 * `vault` reads stored season facts and evidence, as it does for a player), each run BENCH_RUNS times
 * (default 10) as median (min–max); and the size of the renderer's JavaScript, gzipped.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createCore } from '../main/composition.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
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

function startup(label: string, args: string[]): void {
  const times: number[] = []
  const memory: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now()
    const result = spawnSync(process.execPath, ['--import', rss, ...args], { encoding: 'utf8', env })
    times.push(performance.now() - started)
    memory.push(Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024)
  }
  console.log(`${label.padEnd(46)} ${spread(times, 'ms').padEnd(22)} peak RSS ${spread(memory, 'MiB')}`)
}

console.log(`\nCLI start-up (${RUNS} runs each, median (min–max)):`)
startup('node -e 0', ['-e', '0'])
startup('vault-companion help (bundle)', [cli, 'help'])
startup('vault-companion vault … (bundle)', [cli, 'vault', character, '--data-dir', dataDir])
startup('vault-companion help (bin, compile cache)', [bin, 'help'])
startup('vault-companion vault … (bin, compile cache)', [bin, 'vault', character, '--data-dir', dataDir])
startup('vault-companion vault … (from source)', [join(root, 'main', 'cli.ts'), 'vault', character, '--data-dir', dataDir])
rmSync(dataDir, { recursive: true, force: true })

const assets = join(root, 'out', 'renderer', 'assets')
const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0)
console.log(`\nRenderer JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped (${js.length} file(s))`)
