/**
 * Prints speed and memory figures for the pure domain and the store: each figure is the time per
 * operation of BATCHES batches, as median (min–max). Targets are read from these figures, never
 * asserted in tests. Run: npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bossKeyFromName, countBossesOnce, mergeKeystoneRuns } from '../shared/domain/merge.ts'
import { computedWeek } from '../shared/domain/reset.ts'
import { calendarSeason } from '../shared/domain/seasons.ts'
import { DIFFICULTIES, type BossKill, type KeystoneRun } from '../shared/domain/types.ts'
import { buildWeeklyVault } from '../shared/domain/weekly-vault.ts'
import { addCharacter } from '../main/store/characters-repo.ts'
import { openStore } from '../main/store/db.ts'
import { listRaidKills, recordRaidKills } from '../main/store/observations-repo.ts'
import { teamCsv, teamRow } from '../shared/domain/team-table.ts'
import { characterOverview } from '../main/desktop/vault-views.ts'
import { openLocalCore } from '../main/local-core.ts'
import { listCharacters } from '../main/store/characters-repo.ts'
import { spread } from './bench-support.ts'

const BATCHES = 7

/** `iterations` operations split into BATCHES timed batches (after one warm-up run). */
function measure(label: string, iterations: number, work: () => void): void {
  work()
  const perBatch = Math.max(1, Math.round(iterations / BATCHES))
  const msPerOp = Array.from({ length: BATCHES }, () => {
    const start = process.hrtime.bigint()
    for (let i = 0; i < perBatch; i++) work()
    return Number(process.hrtime.bigint() - start) / 1e6 / perBatch
  })
  console.log(`${label.padEnd(58)} ${spread(msPerOp, 'ms/op', 4)}  (${BATCHES} × ${perBatch} ops)`)
}

const WEEK = computedWeek('us', Date.parse('2026-11-25T00:00:00Z'))
const season = calendarSeason(WEEK.period)
const bosses = Array.from({ length: 9 }, (_, i) => `Boss number ${i}`)
const kills: BossKill[] = bosses.flatMap((name, i) =>
  DIFFICULTIES.flatMap((difficulty, d) =>
    (['blizzard', 'warcraftlogs'] as const).map((source) => ({ bossKey: bossKeyFromName(name), bossName: name, difficulty, source, killedAt: WEEK.start + i * 1000 + d })),
  ),
)
const runs: KeystoneRun[] = Array.from({ length: 16 }, (_, i) => ({ dungeon: `Dungeon ${i % 8}`, level: 2 + (i % 12), completedAt: WEEK.start + i * 3_600_000 + (i % 2) * 30_000, timed: null, sources: [i % 2 ? 'blizzard' : 'raiderio'] }))

console.log(`Node ${process.version}, ${process.platform}-${process.arch}`)
measure('weekly reset window (computed)', 200_000, () => computedWeek('eu', Date.now()))
measure(`count bosses once (${kills.length} kill observations)`, 20_000, () => countBossesOnce(kills))
measure(`merge keystone runs (${runs.length} observations)`, 20_000, () => mergeKeystoneRuns(runs))
measure('full weekly vault of one character', 20_000, () => buildWeeklyVault(countBossesOnce(kills), mergeKeystoneRuns(runs), season))

const dir = mkdtempSync(join(tmpdir(), 'vault-bench-'))
try {
  let databases = 0
  measure('open + migrate a new database', BATCHES, () => openStore(join(dir, `new-${databases++}.db`)).close())
  const store = openStore(join(dir, 'bench.db'))
  const characters = Array.from({ length: 25 }, (_, i) => addCharacter(store.db, { region: 'us', realm: 'area-52', name: `Alt${String.fromCharCode(97 + i)}` }, i).character)
  let observedAt = WEEK.start
  measure(`store one sync of 25 characters (${kills.length} kills each, 1 tx)`, 50, () => {
    observedAt += 1
    store.transaction((tx) => {
      for (const c of characters) {
        recordRaidKills(tx, c.id, WEEK.start, kills, observedAt)
      }
    })
  })
  measure('read one character-week of kill evidence', 5_000, () => listRaidKills(store.db, characters[0]!.id, WEEK))
  store.close()

  // The weekly board: a 120-character roster (an officer's guild), each with this week's kills.
  const board = openLocalCore({ dataDir: join(dir, 'board'), env: {}, now: () => WEEK.start + 3 * 3_600_000 })
  const roster = Array.from({ length: 120 }, (_, i) => addCharacter(board.store.db, { region: 'us', realm: 'area-52', name: `Raider${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}` }, i).character)
  board.store.transaction((tx) => {
    for (const c of roster) recordRaidKills(tx, c.id, WEEK.start, kills, WEEK.start + 1)
  })
  const overviews = () => listCharacters(board.store.db).map((c) => characterOverview(board, c))
  measure('overview of 120 characters (the window\'s characters:list)', 14, () => overviews())
  const built = overviews()
  measure('team CSV export of 120 characters (from their overviews)', 700, () => teamCsv(built.map(teamRow)))
  board.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const memory = process.memoryUsage()
console.log(`memory: rss ${(memory.rss / 2 ** 20).toFixed(1)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(1)} MiB`)
