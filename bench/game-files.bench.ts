/**
 * Reading the addons' saved files (issue 33): a WoWthing Collector file of about 20 MB in the shape the
 * addon writes (a whole account's characters with their vault, padded with the collection tables such a
 * file mostly holds), parsed directly and in the worker the app uses. The worker's figure that matters
 * is the main thread's: how long its event loop was held while the file was read (it should be ~0).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { readSavedFilesInWorker } from '../main/game/saved-variables/read-in-worker.ts'
import { readSavedFile } from '../main/game/saved-variables/read-saved-file.ts'
import { benchCharacterNames, spread } from './bench-support.ts'

const TARGET_BYTES = 20 * 1024 * 1024
const RUNS = 5

function wowthingFile(): string {
  const names = benchCharacterNames(60)
  const tier = (level: number, threshold: number, progress: number, itemLevel?: number) =>
    `\t\t\t\t\t\t{\n\t\t\t\t\t\t\t["level"] = ${level},\n\t\t\t\t\t\t\t["progress"] = ${progress},\n\t\t\t\t\t\t\t["threshold"] = ${threshold},\n${itemLevel ? `\t\t\t\t\t\t\t["itemLevel"] = ${itemLevel},\n` : ''}\t\t\t\t\t\t\t["rewards"] = {\n\t\t\t\t\t\t\t},\n\t\t\t\t\t\t},\n`
  const row = (type: number) => `\t\t\t\t["t${type}"] = {\n\t\t\t\t\t["tiers"] = {\n${tier(16, 2, 5, 334)}${tier(15, 4, 5, 318)}${tier(0, 6, 5)}\t\t\t\t\t},\n\t\t\t\t},\n`
  // Collections: a few thousand ids per character, the bulk of a real file.
  const padding = (i: number) => `\t\t\t["transmog"] = {\n${Array.from({ length: 4000 }, (_, j) => `\t\t\t\t${100000 + i * 7 + j}, -- [${j + 1}]\n`).join('')}\t\t\t},\n`
  const chars: string[] = []
  let bytes = 0
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const guid = `Player-3676-${(0x0a000000 + i).toString(16).toUpperCase().padStart(8, '0')}`
    const entry = `\t\t["${guid}"] = {\n\t\t\t["name"] = "${names[i % names.length]}",\n\t\t\t["scanTimes"] = {\n\t\t\t\t["vault"] = 1796376000,\n\t\t\t},\n\t\t\t["vaultAvailableRewards"] = false,\n\t\t\t["vaultV2"] = {\n${row(1)}${row(3)}${row(6)}\t\t\t},\n${padding(i)}\t\t},\n`
    chars.push(entry)
    bytes += entry.length
  }
  return `\nWWTCSaved = {\n\t["version"] = 9158,\n\t["chars"] = {\n${chars.join('')}\t},\n}\n`
}

const dir = mkdtempSync(join(tmpdir(), 'vault-game-bench-'))
try {
  const path = join(dir, 'WoWthing_Collector.lua')
  writeFileSync(path, wowthingFile())
  const mb = statSync(path).size / 1024 / 1024
  const file = { addon: 'WoWthing' as const, path }

  const direct: number[] = []
  let characters = 0
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    const result = readSavedFile(file)
    direct.push(performance.now() - start)
    if (!result.ok) throw new Error(result.problem)
    characters = result.characters.length
  }
  console.log(`${`parse a ${mb.toFixed(1)} MB WoWthing file, ${characters} characters (direct)`.padEnd(58)} ${spread(direct, 'ms')}`)

  const wall: number[] = []
  const held: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const start = performance.now()
    const [result] = await readSavedFilesInWorker([file])
    wall.push(performance.now() - start)
    delay.disable()
    if (!result?.ok) throw new Error(result?.ok === false ? result.problem : 'no result')
    held.push(delay.max / 1e6)
  }
  console.log(`${'the same in the worker: wall time'.padEnd(58)} ${spread(wall, 'ms')}`)
  console.log(`${'  main thread: longest event-loop delay meanwhile'.padEnd(58)} ${spread(held, 'ms', 1)}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
