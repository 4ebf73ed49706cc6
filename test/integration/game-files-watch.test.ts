import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { updateAppSettings } from '../../main/app-settings.ts'
import { createGameFiles } from '../../main/desktop/game-files.ts'
import { lastGameRead, refreshGameSaves } from '../../main/game/game-saves.ts'
import { silentLogger } from '../../main/logging.ts'
import type { fs } from '../../main/fs.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { thrall } from '../support/scenario.ts'
import { useTempDir } from '../support/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'game')

/** A stand-in for fs.watch: the test says when the game wrote a file. */
function fakeWatch() {
  const listeners = new Map<string, (event: string, name: string | null) => void>()
  const watch = ((folder: string, _options: unknown, listener: (event: string, name: string | null) => void) => {
    listeners.set(folder, listener)
    return { on: () => undefined, close: () => listeners.delete(folder) }
  }) as unknown as typeof fs.watch
  return { watch, listeners, write: (name: string) => [...listeners.values()].forEach((l) => l('change', name)) }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50))
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await settled()
}

// Every read of the files starts a worker thread: several per test, each about a second under Wine.
describe('the app re-reads the game files when the game writes them', { timeout: 30_000 }, () => {
  const h = useCoreHarness('2026-12-04T12:00:00.000Z')
  const tempDir = useTempDir()

  /** Thrall tracked, his folder in the game's account and AlterEgo's file saved; the app pointed at the game. */
  function thrallWithAlterEgo() {
    const root = tempDir()
    const account = join(root, '_retail_', 'WTF', 'Account', 'ACC')
    mkdirSync(join(account, 'Area 52', 'Thrall'), { recursive: true })
    mkdirSync(join(account, 'SavedVariables'), { recursive: true })
    copyFileSync(join(FIXTURES, 'AlterEgo.lua'), join(account, 'SavedVariables', 'AlterEgo.lua'))
    const character = h.track(thrall)
    const core = h.core()
    updateAppSettings(core.store.db, { wowDir: root }, h.clock.now)
    return { account, character, core }
  }

  it('reads at start, watches SavedVariables, reads again after a write of a file it reads (not another addon’s), and at a run start', async () => {
    const { account, character, core } = thrallWithAlterEgo()
    const changed: number[] = []
    core.events.on('data:changed', ({ characterId }) => changed.push(characterId))
    const watcher = fakeWatch()
    const files = createGameFiles({ core, env: {}, log: silentLogger, settleMs: 10, watch: watcher.watch })
    try {
      files.start()
      await until(() => changed.length === 1)
      expect(changed).toEqual([character.id])
      expect([...watcher.listeners.keys()]).toEqual([join(account, 'SavedVariables')])

      // Another addon's file (or the game's .bak copy) is not a reason to read.
      watcher.write('Details.lua')
      watcher.write('AlterEgo.lua.bak')
      await settled()
      expect(changed).toHaveLength(1)

      // The player logs out: the game writes WoWthing's file; it is read after the writes settle.
      copyFileSync(join(FIXTURES, 'WoWthing_Collector.lua'), join(account, 'SavedVariables', 'WoWthing_Collector.lua'))
      watcher.write('WoWthing_Collector.lua')
      await until(() => changed.length === 2)
      expect(lastGameRead(core)?.files.map((f) => f.addon)).toEqual(['AlterEgo', 'WoWthing'])

      // A sync run starts: the files are read then too, once (its first character's start is the same read).
      writeFileSync(join(account, 'SavedVariables', 'AlterEgo.lua'), readFileSync(join(FIXTURES, 'AlterEgo.lua'), 'utf8').replace('1796332440', '1796340000'))
      core.events.emit('run:progress', { done: 0, total: 1 })
      core.events.emit('character:started', { characterId: character.id })
      await until(() => changed.length === 3)
      // Long enough for a second read in the worker to have landed, were one started.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(changed).toHaveLength(3)
    } finally {
      files.stop()
    }
    expect(watcher.listeners.size).toBe(0)
  })

  it('reads again, after the writes settle, a file the game was writing while it was read; a good read is not repeated', async () => {
    const { core } = thrallWithAlterEgo()
    // The first read meets a file mid-write (its size changed while it was read); the next ones do not.
    const reads: boolean[] = []
    const read: typeof refreshGameSaves = async (...args) => {
      const result = await refreshGameSaves(...args)
      if (!result) return result
      const midWrite = reads.length === 0
      reads.push(midWrite)
      return { ...result, readAgainSoon: midWrite }
    }
    const files = createGameFiles({ core, env: {}, log: silentLogger, settleMs: 10, watch: fakeWatch().watch, read })
    try {
      files.start()
      // No write event comes: the second read is the app's own, after the settle time.
      await until(() => reads.length === 2)
      expect(reads).toEqual([true, false])
      await new Promise((resolve) => setTimeout(resolve, 1000))
      expect(reads).toHaveLength(2)
    } finally {
      files.stop()
    }
  })
})
