import { describe, expect, it } from 'vitest'
import { csvCell } from '../../shared/domain/team-table.ts'
import { updateCharacterProfile } from '../../main/store/characters-repo.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { HOUR, RESET, thrall, thrallScenario } from '../support/scenario.ts'

/** The team table: every tracked character in one table, as JSON and as CSV for a spreadsheet (issue: the weekly board). */
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { blizzard, raiderio, logs, run } = thrallScenario(h)
const cli = cliRunner(h)

type TeamJson = { characters: { name: string; region: string; itemLevel: number | null; raid: { status: string; unlocked: number; bestItemLevel: number | null }; dungeons: { unlocked: number } }[] }

describe('team', () => {
  it('lists every character with item level, rating, slots and last week; an unchecked row is unknown, not zero', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR }])
    raiderio([run('Murder Row', 12, RESET + HOUR)])
    logs([])
    await h.core().sync.syncCharacter(h.track(thrall), { force: true })
    h.track({ region: 'eu', realm: 'silvermoon', name: 'Jaina' })

    const json = (await cli(['team', '--json'])).json() as unknown as TeamJson
    expect(json.characters.map((c) => c.name)).toEqual(['Thrall', 'Jaina'])
    expect(json.characters[0]).toMatchObject({ region: 'us', itemLevel: 430, raid: { status: 'complete', unlocked: 1, bestItemLevel: 318 }, dungeons: { unlocked: 1 } })
    expect(json.characters[1]?.raid.status).toBe('unknown')

    const csv = (await cli(['team', '--csv'])).stdout
    const [header, thrallLine, jainaLine] = csv.split('\n')
    const column = (line: string | undefined, name: string) => line?.split(',')[header!.split(',').indexOf(name)]
    // One column per crest kind of the season (then one per tracked quest, none here).
    // Existing columns keep their names and places; the week and the nine slots' item levels follow them (issue 29.9).
    expect(header).toBe(
      'region,realm,name,class,spec,guild,item_level,mythic_rating,raid_slots,raid_status,dungeon_slots,dungeon_status,world_slots,world_status,season,rewards_known,last_synced,last_week_slots,last_week_opened,vault_waiting,' +
        'week_reset,raid_1_ilvl,raid_2_ilvl,raid_3_ilvl,dungeon_1_ilvl,dungeon_2_ilvl,dungeon_3_ilvl,world_1_ilvl,world_2_ilvl,world_3_ilvl,adventurer_crests,veteran_crests,champion_crests,hero_crests,myth_crests',
    )
    expect(thrallLine).toMatch(/^us,Norgannon,Thrall,Warrior,Fury,Mythical Warriors,430,3180,1,complete,1,complete,/)
    // Readable values: yes/no, a spreadsheet's date and time (UTC), the slot item levels (empty where locked).
    expect([column(thrallLine, 'rewards_known'), column(thrallLine, 'last_synced'), column(thrallLine, 'week_reset')]).toEqual(['yes', '2026-11-26 12:00', '2026-11-24 15:00'])
    expect(['raid_1_ilvl', 'raid_2_ilvl', 'dungeon_1_ilvl', 'dungeon_2_ilvl', 'world_1_ilvl'].map((name) => column(thrallLine, name))).toEqual(['318', '', '318', '', ''])
    // Never synced: no slot counts, item levels or crests at all (empty cells), never zeros.
    expect(jainaLine).toMatch(/^eu,silvermoon,Jaina,,,,,,,unknown,,unknown,,unknown,.*,,,,,$/)
    expect(['raid_1_ilvl', 'dungeon_3_ilvl', 'world_2_ilvl'].map((name) => column(jainaLine, name))).toEqual(['', '', ''])
    // Last week too: nobody checked it, so its slots are an empty cell and whether a vault waits is unknown (issue 28.7).
    expect([column(jainaLine, 'last_week_slots'), column(jainaLine, 'vault_waiting')]).toEqual(['', 'unknown'])
    expect((json.characters[1] as unknown as { lastWeek: unknown }).lastWeek).toEqual({ unlockedSlots: null, opened: false, waiting: 'unknown', waitingFrom: null })
    expect(csv.endsWith('\n')).toBe(true)
    expect(csv).not.toContain('\r')
  })

  it('a vault from last week is "waiting" only from a read after the reset; with Blizzard down since, it is unknown (issue 28.8)', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: RESET + HOUR }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: RESET + 2 * HOUR }])
    raiderio([run('Murder Row', 12, RESET + HOUR)])
    logs([])
    await h.core().sync.syncCharacter(h.track(thrall), { force: true })
    // The next week: Blizzard fails every request, so the last login the app knows was read before the reset.
    h.clock.now = RESET + 7 * 24 * HOUR + 2 * HOUR
    h.apis.blizzard.server.failNext(/./, { kind: 'status', status: 500 }, 1000)
    await h.core().sync.syncCharacter(h.track(thrall), { force: true })
    const lastWeek = async () => ((await cli(['team', '--json'])).json() as { characters: { lastWeek: unknown }[] }).characters[0]?.lastWeek
    expect(await lastWeek()).toEqual({ unlockedSlots: 2, opened: false, waiting: 'unknown', waitingFrom: null })
    // Blizzard answers again: the login (2020, long before the reset) is now read after the reset.
    h.apis.blizzard.server.clearFaults()
    h.clock.now += HOUR
    await h.core().sync.syncCharacter(h.track(thrall), { force: true })
    expect(await lastWeek()).toEqual({ unlockedSlots: 2, opened: false, waiting: 'waiting', waitingFrom: null })
  })

  it('filters by region and realm', async () => {
    h.track(thrall)
    h.track({ region: 'eu', realm: 'silvermoon', name: 'Jaina' })
    expect(((await cli(['team', '--region', 'eu', '--json'])).json() as unknown as TeamJson).characters.map((c) => c.name)).toEqual(['Jaina'])
    expect(((await cli(['team', '--realm', 'Area-52', '--json'])).json() as unknown as TeamJson).characters.map((c) => c.name)).toEqual(['Thrall'])
    // Never synced, so no display name is stored yet: the display name still finds it by the slug rule (issue 28.11).
    expect(((await cli(['team', '--realm', 'Area 52', '--json'])).json() as unknown as TeamJson).characters.map((c) => c.name)).toEqual(['Thrall'])
    expect(((await cli(['team', '--realm', 'Silvermoon', '--json'])).json() as unknown as TeamJson).characters.map((c) => c.name)).toEqual(['Jaina'])
    expect((await cli(['team', '--region', 'xx'])).code).toBe(2)
    expect((await cli(['team', '--json', '--csv'])).stderr).toContain('choose one')
  })

  it('a name that would run as a spreadsheet formula is written as text; quotes and commas are quoted', async () => {
    const character = h.track(thrall)
    updateCharacterProfile(h.core().store.db, character.id, { className: '=HYPERLINK("http://x","y")', specName: 'Fury, Arms', itemLevel: null, lastLoginAt: null })
    const line = (await cli(['team', '--csv'])).stdout.split('\n')[1]
    expect(line).toContain(',"\'=HYPERLINK(""http://x"",""y"")","Fury, Arms",')
    expect([csvCell('@cmd'), csvCell('-1'), csvCell(null), csvCell(3), csvCell('plain')]).toEqual(["'@cmd", "'-1", '', '3', 'plain'])
  })

  it('no text from a source becomes a formula in a spreadsheet that splits on commas, semicolons or tabs (issue 28.4)', async () => {
    const hostile = ['Guild;=1+1', 'x; =cmd|"/c calc"!A1', 'x;"=1+1"', 'x,@SUM(A1)', 'x\t-2+3', 'x;;+1', "Stormrage;'=1"]
    const character = h.track(thrall)
    updateCharacterProfile(h.core().store.db, character.id, { className: hostile[0]!, specName: hostile[1]!, itemLevel: null, lastLoginAt: null })
    const csv = (await cli(['team', '--csv'])).stdout
    const lines = [csv, ...hostile.map((text) => `${csvCell(text)},1\n`)].flatMap((text) => text.split('\n')).filter(Boolean)
    for (const separator of [',', ';', '\t']) {
      for (const line of lines) {
        for (const cell of spreadsheetCells(line, separator)) expect(cell, `${JSON.stringify(line)} split on ${JSON.stringify(separator)}`).not.toMatch(/^[=+\-@\t\r]/)
      }
    }
    // Read with the separator it was written for, each value comes back whole, the apostrophe marking where a formula was defused.
    expect(spreadsheetCells(`${csvCell(hostile[0]!)},${csvCell(hostile[2]!)}`, ',')).toEqual(["Guild;'=1+1", 'x;\'"=1+1"'])
  })
})

/**
 * The cells a spreadsheet makes of a CSV line with a given separator: split on it outside quotes; a
 * field that starts with a quote is quoted ("" is a quote). Leading spaces of an unquoted field are
 * dropped, as a spreadsheet that trims them would, so " =1" counts as a formula too.
 */
function spreadsheetCells(line: string, separator: string): string[] {
  const cells: string[] = []
  let i = 0
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = ''
      i += 1
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"'
          i += 2
        } else if (line[i] === '"') {
          i += 1
          break
        } else value += line[i++]
      }
      const end = line.indexOf(separator, i)
      cells.push(value + line.slice(i, end === -1 ? line.length : end))
      i = end === -1 ? line.length + 1 : end + 1
    } else {
      const end = line.indexOf(separator, i)
      cells.push(line.slice(i, end === -1 ? line.length : end).trimStart())
      i = end === -1 ? line.length + 1 : end + 1
    }
  }
  return cells
}
