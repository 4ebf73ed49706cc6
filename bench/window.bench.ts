/**
 * The board at an officer's scale, 120 characters: how long the main process takes to answer the
 * window's character list (cold, warm, and after one character's sync), and, in real Chromium over
 * the real core, the board's first paint, a sort's next paint and its DOM size. Each figure is the
 * median (min–max) of repeated runs; the targets (≤ 25 ms, ≤ 300 ms, ≤ 50 ms) are read from these
 * figures, never asserted in tests. Needs `npm run build` first (npm run bench does it) and a
 * Chromium (CHROMIUM_PATH, a `chromium` on the PATH, or Playwright's own); without one the browser
 * part says so and is skipped.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { chromium } from '@playwright/test'
import { createCore } from '../main/composition.ts'
import { overviewCacheOf } from '../main/desktop/overview-cache.ts'
import { createIpcHandlers } from '../main/ipc-handlers.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
import { recordKeystoneRuns, recordRaidKills } from '../main/store/observations-repo.ts'
import { bossKeyFromName } from '../shared/domain/merge.ts'
import { computedWeek } from '../shared/domain/reset.ts'
import { MemorySecrets } from '../test/fakes/memory-secrets.ts'
import { freePort } from '../test/support/free-port.ts'
import { spread } from './bench-support.ts'

const CHARACTERS = 120
const RUNS = 7

async function mainProcess(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vault-window-bench-'))
  const week = computedWeek('us', Date.now())
  const core = createCore({ dataDir: dir, env: {} })
  try {
    core.store.transaction((tx) => {
      for (let i = 0; i < CHARACTERS; i += 1) {
        const { character } = addCharacter(tx, { region: 'us', realm: 'area-52', name: `Raider${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}` }, i)
        const kills = Array.from({ length: i % 9 }, (_, b) => ({ bossKey: bossKeyFromName(`Boss ${b}`), bossName: `Boss ${b}`, difficulty: 'heroic' as const, source: 'blizzard' as const, killedAt: week.start + b * 60_000 }))
        recordRaidKills(tx, character.id, week.start, kills, week.start + 1)
        recordKeystoneRuns(tx, character.id, week.start, Array.from({ length: i % 8 }, (_, r) => ({ dungeon: `Dungeon ${r}`, level: 2 + r, completedAt: week.start + r * 3_600_000, timed: true, source: 'raiderio' as const })), week.start + 1)
      }
    })
    const list = createIpcHandlers({ appVersion: 'bench', core, secrets: new MemorySecrets(), env: {} })['characters:list']
    const time = async (prepare: () => void) => {
      const samples: number[] = []
      for (let i = 0; i < RUNS; i += 1) {
        prepare()
        const start = performance.now()
        const result = await list([])
        samples.push(performance.now() - start)
        if (!result.ok || result.value.length !== CHARACTERS) throw new Error('characters:list did not answer 120 characters')
      }
      return spread(samples, 'ms', 1)
    }
    const cache = overviewCacheOf(core)
    console.log(`main: characters:list of ${CHARACTERS}, nothing cached (first open)        ${await time(() => cache.invalidateAll())}`)
    console.log(`main: characters:list of ${CHARACTERS}, one character synced since (target ≤ 25 ms) ${await time(() => core.events.emit('data:changed', { characterId: 1 }))}`)
    console.log(`main: characters:list of ${CHARACTERS}, nothing changed                     ${await time(() => undefined)}`)
  } finally {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A system Chromium, as the Playwright config finds it. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) if (existsSync(join(dir, 'chromium'))) return join(dir, 'chromium')
  return undefined
}

async function browser(): Promise<void> {
  const port = await freePort()
  const server = spawn(process.execPath, [join(import.meta.dirname, '..', 'test', 'e2e', 'bridge-server.ts'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const base = `http://127.0.0.1:${port}`
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => (chunk.toString().includes('bridge server on') ? resolve() : undefined))
      server.on('exit', () => reject(new Error('the bridge server stopped')))
    })
    await fetch(`${base}/test/seed-roster?count=${CHARACTERS}`, { method: 'POST' })
    const executablePath = chromiumPath()
    const instance = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }).catch((error: unknown) => {
      console.log(`window: skipped, no Chromium could be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
      return undefined
    })
    if (!instance) return
    const page = await instance.newPage({ viewport: { width: 1920, height: 1080 } })
    const firstPaint: number[] = []
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(`${base}/`)
      // The table knows all 120 (aria-rowcount counts the header too) and shows its first lines.
      await page.waitForFunction((n) => document.querySelector(`table[aria-rowcount="${n + 1}"] tbody tr[data-testid="character"]`) !== null, CHARACTERS)
      // Until the frame with the rows has been painted.
      firstPaint.push(await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))))))
    }
    console.log(`window: board of ${CHARACTERS} painted, from navigation start (target ≤ 300 ms) ${spread(firstPaint, 'ms')}`)
    const sorts: number[] = []
    for (const name of ['Item level', 'Rating', 'Raid', 'Dungeons', 'Character', 'Next', 'Synced']) {
      sorts.push(
        await page.evaluate(
          (label) =>
            new Promise<number>((resolve) => {
              const button = [...document.querySelectorAll<HTMLButtonElement>('button.sort')].find((b) => b.textContent?.startsWith(label))!
              const start = performance.now()
              button.click()
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)))
            }),
          name,
        ),
      )
    }
    console.log(`window: a sort of ${CHARACTERS} rows, click to next paint (target ≤ 50 ms)   ${spread(sorts, 'ms')}`)
    console.log(`window: DOM nodes on the board with ${CHARACTERS} characters: ${await page.evaluate(() => document.querySelectorAll('*').length)} (the lines in view and a few around them)`)
    // The floor under the two paint figures on this machine: a frame with no change at all.
    const idle: number[] = []
    for (let i = 0; i < RUNS; i += 1) idle.push(await page.evaluate(() => new Promise<number>((resolve) => { const start = performance.now(); requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start))) })))
    console.log(`window: a frame with no change, for comparison                          ${spread(idle, 'ms')}`)
    await instance.close()
  } finally {
    server.kill('SIGTERM')
  }
}

await mainProcess()
await browser()
