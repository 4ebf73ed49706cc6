/**
 * Start-up of the CLI (the bundle from `npm run build`, directly and through the `vault-companion` command
 * players run, which turns Node's compile cache on), against plain `node -e 0`:
 * wall time and peak memory of `help` and of `vault` on a stored database, each run BENCH_RUNS times
 * (default 10) as median (min–max); and the size of the renderer's JavaScript, gzipped.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { databasePath } from '../main/data-dir.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
import { openStore } from '../main/store/db.ts'
import { spread } from './bench-support.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const root = join(import.meta.dirname, '..')
const cli = join(root, 'out', 'main', 'cli.js')
/** The command players run: it starts the bundle with Node's compile cache on. */
const bin = join(root, 'bin', 'vault-companion.js')
const rss = join(import.meta.dirname, 'print-peak-rss.mjs')

const dataDir = mkdtempSync(join(tmpdir(), 'vault-bench-start-'))
const store = openStore(databasePath(dataDir))
addCharacter(store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, Date.now())
store.close()

function startup(label: string, args: string[]): void {
  const times: number[] = []
  const memory: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now()
    const result = spawnSync(process.execPath, ['--import', rss, ...args], { encoding: 'utf8' })
    times.push(performance.now() - started)
    memory.push(Number(/peak-rss-kb (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN) / 1024)
  }
  console.log(`${label.padEnd(46)} ${spread(times, 'ms').padEnd(22)} peak RSS ${spread(memory, 'MiB')}`)
}

console.log(`\nCLI start-up (${RUNS} runs each, median (min–max)):`)
startup('node -e 0', ['-e', '0'])
startup('vault-companion help (bundle)', [cli, 'help'])
startup('vault-companion vault … (bundle)', [cli, 'vault', 'us/area-52/Thrall', '--data-dir', dataDir])
startup('vault-companion help (bin, compile cache)', [bin, 'help'])
startup('vault-companion vault … (bin, compile cache)', [bin, 'vault', 'us/area-52/Thrall', '--data-dir', dataDir])
startup('vault-companion vault … (from source)', [join(root, 'main', 'cli.ts'), 'vault', 'us/area-52/Thrall', '--data-dir', dataDir])
rmSync(dataDir, { recursive: true, force: true })

const assets = join(root, 'out', 'renderer', 'assets')
const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0)
console.log(`\nRenderer JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped (${js.length} file(s))`)
