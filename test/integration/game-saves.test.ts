import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readGameSaves } from '../../main/game/game-saves.ts'
import { charactersOnThisPc } from '../../main/game/wtf-characters.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { thrall, thrallScenario } from '../support/scenario.ts'
import { useTempDir } from '../support/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'game')

/** A game folder with the three addons' files of account 12345678#1 (fixtures: saves of 2026-12-03/04 and one of the week before). */
function gameWithSaves(root: string): string {
  const account = join(root, 'World of Warcraft', '_retail_', 'WTF', 'Account', '12345678#1')
  for (const [realm, name] of [['Area 52', 'Thrall'], ['Area 52', 'Jaina'], ["Mal'Ganis", 'Sylvanas']] as const) mkdirSync(join(account, realm, name), { recursive: true })
  mkdirSync(join(account, 'SavedVariables'), { recursive: true })
  for (const file of ['AlterEgo.lua', 'SavedInstances.lua', 'WoWthing_Collector.lua']) copyFileSync(join(FIXTURES, file), join(account, 'SavedVariables', file))
  writeFileSync(join(root, 'World of Warcraft', '_retail_', 'WTF', 'Config.wtf'), 'SET portal "us"\n')
  return join(root, 'World of Warcraft')
}

interface Slot {
  unlocked: boolean
  itemLevel: number | null
  game: { itemLevel: number | null; progress: number | null; threshold: number | null; addon: string; savedAt: string } | null
}

// Every read of the files starts a worker thread: several per test, each about a second under Wine.
describe("the game's own vault from the addons' saved files", { timeout: 30_000 }, () => {
  // Thursday of US week 1092 [2026-12-01 15:00Z, 2026-12-08 15:00Z): the fixtures' saves are of this week.
  const h = useCoreHarness('2026-12-04T12:00:00.000Z')
  const run = cliRunner(h)
  const tempDir = useTempDir()

  it('sync reads them: the slots show the game with its addon and time, the game item level over the table, last week named by the game', async () => {
    const game = gameWithSaves(tempDir())
    h.track(thrall)
    h.track({ region: 'us', realm: 'area-52', name: 'Jaina' })
    const s = thrallScenario(h)
    s.blizzard([])
    s.raiderio()
    const synced = await run(['sync', 'us/area-52/Thrall', '--wow-dir', game, '--json'])
    const vault = (synced.json() as { results: { raid: { slots: Slot[]; status: string }; dungeons: { slots: Slot[] }; world: { slots: Slot[]; reasons: string[] } }[] }).results[0]
    // The latest save with the slot speaks: SavedInstances (Friday) keeps which slots are unlocked, not the count.
    expect(vault?.raid.slots[0]).toMatchObject({ unlocked: true, itemLevel: 318, game: { addon: 'SavedInstances', progress: null, threshold: null, itemLevel: null, savedAt: '2026-12-04T09:05:00.000Z' } })
    // Only AlterEgo (Thursday) has the second raid slot: 3 of 4 bosses, which the sources had not seen.
    expect(vault?.raid.slots[1]).toMatchObject({ unlocked: false, progress: 3, game: { addon: 'AlterEgo', progress: 3, threshold: 4, savedAt: '2026-12-03T21:14:00.000Z' } })
    // WoWthing's save is the latest with the dungeon slot, and it carries the game's item level.
    expect(vault?.dungeons.slots[0]).toMatchObject({ unlocked: true, game: { addon: 'WoWthing', itemLevel: 318 } })
    // Season 2's disputed World tier 6: the table says 298, the game 295. The slot shows the game's.
    expect(vault?.world.slots[0]).toMatchObject({ unlocked: true, itemLevel: 295, game: { addon: 'WoWthing', itemLevel: 295 } })
    expect(vault?.world.reasons.join(' ')).toContain("The game's own vault, saved by WoWthing")
    expect(vault?.world.slots[2]).toMatchObject({ unlocked: false, game: { progress: 3, threshold: 8 } })

    // Offline, `vault` shows the same from the store.
    const stored = (await run(['vault', 'us/area-52/Thrall', '--json'])).json() as { world: { slots: Slot[] } }
    expect(stored.world.slots[0]?.game?.itemLevel).toBe(295)

    // Jaina's save is from the week before: never shown as this week's.
    const jaina = (await run(['vault', 'us/area-52/Jaina', '--json'])).json() as { raid: { slots: Slot[] } }
    expect(jaina.raid.slots.every((slot) => slot.game === null)).toBe(true)

    // Last week's vault: the latest save since the reset (WoWthing, Friday 09:20) says nothing waits (and the sources proved no slot).
    const team = (await run(['team', '--json'])).json() as { characters: { name: string; lastWeek: { waiting: string; waitingFrom: unknown } }[] }
    expect(team.characters.find((c) => c.name === 'Thrall')?.lastWeek).toMatchObject({ waiting: 'none', waitingFrom: { addon: 'WoWthing', savedAt: '2026-12-04T09:20:00.000Z' } })
    expect(team.characters.find((c) => c.name === 'Jaina')?.lastWeek.waitingFrom).toBeNull()

    const status = (await run(['status', '--wow-dir', game, '--json'])).json() as { game: { files: { addon: string; characters: number; matched: number; says: string }[]; refused: unknown[]; disagreements: unknown[]; unmatched: unknown[] } }
    expect(status.game.files.map((f) => [f.addon, f.characters, f.matched])).toEqual([
      ['AlterEgo', 2, 2],
      ['SavedInstances', 2, 1],
      ['WoWthing', 1, 1],
    ])
    expect(status.game.files[0]?.says).toContain('no item levels')
    expect(status.game.refused).toEqual([])
    expect(status.game.disagreements).toEqual([{ region: 'us', realm: 'area-52', name: 'Thrall', row: 'world', slot: 1, at: 'tier 6', table: 298, game: 295, addon: 'WoWthing', savedAt: '2026-12-04T09:20:00.000Z' }])
    const text = (await run(['status', '--wow-dir', game])).stdout
    expect(text).toContain('Game ≠ table  Thrall (us/area-52) world slot 1 at tier 6: the game says 295, the season table 298 (WoWthing)')
  })

  it('a refused file is reported and the others and the sources go on; WoWthing characters match through a GUID or the folders', async () => {
    const game = gameWithSaves(tempDir())
    const saved = join(game, '_retail_', 'WTF', 'Account', '12345678#1', 'SavedVariables')
    writeFileSync(join(saved, 'AlterEgo.lua'), 'AlterEgoDB = {}\nos.execute("shutdown now")\n')
    h.track(thrall)
    const retail = join(game, '_retail_')
    const { report, characterIds } = await readGameSaves(h.core(), { retail, found: { ...charactersOnThisPc(retail), region: 'us' } })
    expect(report.files.find((f) => f.addon === 'AlterEgo')).toMatchObject({ problem: expect.stringContaining('holds a function call'), characters: 0 })
    // Without AlterEgo's GUID, WoWthing's Thrall is found through the account's only "Thrall" folder.
    expect(report.files.find((f) => f.addon === 'WoWthing')).toMatchObject({ problem: null, matched: 1 })
    expect(characterIds).toHaveLength(1)
    // A second Thrall folder on another realm of the account: WoWthing's Thrall cannot be told apart.
    mkdirSync(join(retail, 'WTF', 'Account', '12345678#1', 'Stormrage', 'Thrall'), { recursive: true })
    const again = await readGameSaves(h.core(), { retail, found: { ...charactersOnThisPc(retail), region: 'us' } })
    expect(again.report.unmatched).toEqual([{ addon: 'WoWthing', name: 'Thrall', why: expect.stringContaining('more than one realm') }])
    // With AlterEgo readable again, its GUID names WoWthing's Thrall's realm, however many folders share the name.
    copyFileSync(join(FIXTURES, 'AlterEgo.lua'), join(saved, 'AlterEgo.lua'))
    const byGuid = await readGameSaves(h.core(), { retail, found: { ...charactersOnThisPc(retail), region: 'us' } })
    expect(byGuid.report.unmatched).toEqual([])
    expect(byGuid.report.files.find((f) => f.addon === 'WoWthing')).toMatchObject({ matched: 1 })
    // The EU namesake is not this character.
    const eu = await readGameSaves(h.core(), { retail, found: { ...charactersOnThisPc(retail), region: 'eu' } })
    expect(eu.characterIds).toEqual([])
  })
})
