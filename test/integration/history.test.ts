import { describe, expect, it } from 'vitest'
import { characterOverview, characterVaultView, markLastWeekOpened } from '../../main/desktop/vault-views.ts'
import { getCharacter } from '../../main/store/characters-repo.ts'
import { fixture } from '../fakes/fixtures.ts'
import { blizzardEncounters, blizzardKeystoneProfile } from '../fakes/builders.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { HOUR, RESET, thrall, thrallScenario } from '../support/scenario.ts'

/** Vault history: the last weeks rebuilt from the store, opened or not (issue: the weekly board). */
const h = useCoreHarness('2026-11-19T12:00:00.000Z')
const { blizzard, raiderio, logs, run } = thrallScenario(h)
const cli = cliRunner(h)
const WEEK = 7 * 24 * HOUR
const PREVIOUS_RESET = RESET - WEEK

type HistoryJson = { character: object; weeks: { period: number; start: string; current: boolean; unlockedSlots: number; opened: boolean | null; raid: { status: string; slots: { unlocked: boolean; itemLevel: number | null }[] }; dungeons: { slots: { level: number | null }[] }; season: { id: string | null } }[] }

describe('vault history', () => {
  it('shows each week from its stored evidence, newest first, with whether it was opened, and survives a restart', async () => {
    // Week 1090: two Heroic bosses and a +10.
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: PREVIOUS_RESET + 5 * HOUR }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: PREVIOUS_RESET + 6 * HOUR }])
    raiderio([run('Murder Row', 10, PREVIOUS_RESET + 2 * HOUR)])
    logs([])
    const character = h.track(thrall)
    await h.core().sync.syncCharacter(character, { force: true })
    // A week later: one Mythic boss this week; last week's vault marked opened.
    h.clock.now += WEEK
    blizzard([{ boss: 'Vorasius', difficulty: 'MYTHIC', count: 1, lastKill: RESET + 5 * HOUR }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: PREVIOUS_RESET + 6 * HOUR }])
    raiderio([], [run('Murder Row', 10, PREVIOUS_RESET + 2 * HOUR)])
    await h.core().sync.syncCharacter(character, { force: true })
    markLastWeekOpened(h.core(), character)
    // The character view lists the eight weeks before this one (this week is shown in full above them).
    const view = characterVaultView(h.core(), getCharacter(h.core().store.db, character.id)!)
    expect(view.history.map((w) => w.period)).toEqual([1090, 1089, 1088, 1087, 1086, 1085, 1084, 1083])
    expect(view.history[0]).toMatchObject({ unlockedSlots: 2, opened: true, current: false })
    h.core().close()

    const result = await cli(['history', 'us/area-52/Thrall', '--weeks', '3', '--json'])
    expect(result.code).toBe(0)
    const json = result.json() as unknown as HistoryJson
    expect(json.character).toEqual({ region: 'us', realm: 'area-52', name: 'Thrall' })
    expect(json.weeks.map((w) => [w.period, w.current, w.unlockedSlots, w.opened])).toEqual([
      [1091, true, 0, null],
      [1090, false, 2, true],
      [1089, false, 0, false],
    ])
    expect(json.weeks[1]?.raid.slots[0]).toMatchObject({ unlocked: true, itemLevel: 318 })
    expect(json.weeks[1]?.dungeons.slots[0]).toMatchObject({ level: 10 })
    expect(json.weeks[1]?.season.id).toBe('season-mn-2')
    // A week nobody synced during says so: read only afterwards, its raid row is a lower bound, never "complete".
    expect(json.weeks[2]?.raid.status).toBe('partial')

    const text = (await cli(['history', 'us/area-52/Thrall', '--weeks', '2'])).stdout
    expect(text).toContain('week 1090  2/9 slots · opened')
    expect(text).toContain('Raid Heroic 318 | · | ·')
  })

  it('refuses a week count out of range', async () => {
    h.track(thrall)
    const result = await cli(['history', 'us/area-52/Thrall', '--weeks', '99'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--weeks takes a whole number from 1 to 52')
  })

  it('a vault not marked opened is "still waiting" while the character has not logged in since the reset, "maybe opened" once it has (estimates)', async () => {
    blizzard([{ boss: 'Vorasius', difficulty: 'HEROIC', count: 1, lastKill: PREVIOUS_RESET + 5 * HOUR }, { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 1, lastKill: PREVIOUS_RESET + 6 * HOUR }])
    raiderio()
    logs([])
    const character = h.track(thrall)
    await h.core().sync.syncCharacter(character, { force: true })
    h.clock.now += WEEK
    // The recorded profile's last login is from 2020: before this week's reset.
    await h.core().sync.syncCharacter(character, { force: true })
    // As the app does: the card is built from the stored character (its last login as the sync saved it).
    const overview = () => characterOverview(h.core(), getCharacter(h.core().store.db, character.id)!)
    expect(overview().lastWeek).toEqual({ unlockedSlots: 1, opened: false, waiting: 'waiting', waitingFrom: null })
    const profile = { ...fixture<Record<string, unknown>>('blizzard-character-profile.drinian-norgannon-us-2020.json'), name: 'Thrall', last_login_timestamp: RESET + HOUR }
    h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', { encounters: blizzardEncounters([]), keystone: blizzardKeystoneProfile(1091, []), profile })
    await h.core().sync.syncCharacter(character, { force: true })
    expect(overview().lastWeek.waiting).toBe('maybe-opened')
    markLastWeekOpened(h.core(), character)
    expect(overview().lastWeek.waiting).toBe('none')
  })
})

describe('Mythic+ rating', () => {
  it('a sync stores the game\'s rating (Blizzard) or else Raider.IO\'s score; list and the overview show it', async () => {
    const character = h.track(thrall)
    blizzard([])
    const keystone = { ...(blizzardKeystoneProfile(1090, []) as Record<string, unknown>), current_mythic_rating: { color: { r: 1, g: 1, b: 1, a: 1 }, rating: 2510.4 } }
    h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', { encounters: blizzardEncounters([]), keystone, profile: { ...fixture<Record<string, unknown>>('blizzard-character-profile.drinian-norgannon-us-2020.json'), name: 'Thrall' } })
    raiderio()
    logs([])
    await h.core().sync.syncCharacter(character, { force: true })
    const listed = (await cli(['list', '--json'])).json() as { characters: { mythicRating: number | null; itemLevel: number | null }[] }
    expect(listed.characters[0]).toMatchObject({ mythicRating: 2510.4, itemLevel: 430 })
    expect(characterOverview(h.core(), getCharacter(h.core().store.db, character.id)!).mythicRating).toBe(2510.4)
    // Blizzard without a rating: Raider.IO's score for the season (the recorded profile's 3179.7).
    h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', { encounters: blizzardEncounters([]), profile: { ...fixture<Record<string, unknown>>('blizzard-character-profile.drinian-norgannon-us-2020.json'), name: 'Thrall' } })
    await h.core().sync.syncCharacter(character, { force: true })
    expect(getCharacter(h.core().store.db, character.id)?.mythicRating).toBe(3179.7)
  })
})
