import type { CharacterSyncResult } from '../../main/sync/sync-result.ts'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile, raiderIoRun, type BlizzardKillSpec } from '../fakes/builders.ts'
import { fixture } from '../fakes/fixtures.ts'
import type { FakeReport } from '../fakes/wcl-fake.ts'
import type { Harness } from './core-harness.ts'

/** US week 1091 = [Tue 2026-11-24 15:00Z, Tue 2026-12-01 15:00Z). */
export const RESET = Date.parse('2026-11-24T15:00:00.000Z')
export const HOUR = 3_600_000
export const thrall = { region: 'us', realm: 'area-52', name: 'Thrall' } as const

/**
 * What the three fake APIs know of Thrall (us/area-52), set per test, and a forced sync of him. Shared
 * by the sync and trust suites so every scenario speaks the recorded wire formats the same way.
 */
export function thrallScenario(h: Harness) {
  return {
    blizzard(kills: BlizzardKillSpec[], runs: Parameters<typeof blizzardKeystoneProfile>[1] = [], options: { keystone?: boolean } = {}) {
      h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
        encounters: blizzardEncounters(kills),
        // Without a keystone profile the fake answers 404, as Blizzard does for characters with no runs.
        keystone: options.keystone === false ? undefined : blizzardKeystoneProfile(1091, runs),
        profile: { ...fixture<Record<string, unknown>>('blizzard-character-profile.drinian-norgannon-us-2020.json'), name: 'Thrall' },
      })
    },
    raiderio(weekly: ReturnType<typeof raiderIoRun>[] = [], previous: ReturnType<typeof raiderIoRun>[] = []) {
      h.apis.raiderio.setProfile('us', 'area-52', 'Thrall', raiderIoProfile(weekly, previous, { name: 'Thrall', realm: 'Area 52' }))
    },
    logs(kills: { boss: string; difficulty: number; at: number }[]) {
      const start = Math.min(...kills.map((k) => k.at), RESET) - HOUR
      const report: FakeReport = {
        code: `R${kills.length}x${start}`, startTime: start, endTime: Math.max(...kills.map((k) => k.at), start) + HOUR,
        actors: [{ id: 1, name: 'Thrall', server: 'Area52', type: 'Player' }],
        fights: kills.map((k, i) => ({ id: i + 1, encounterID: 4000 + i, name: k.boss, difficulty: k.difficulty, kill: true, startTime: k.at - start - 300_000, endTime: k.at - start, friendlyPlayers: [1] })),
      }
      h.apis.wcl.setCharacter('us', 'area-52', 'Thrall', { id: 1, reports: kills.length ? [report] : [] })
    },
    run: (dungeon: string, level: number, at: number, upgrades = 1) => raiderIoRun({ dungeon, mythic_level: level, completed_at: new Date(at).toISOString(), num_keystone_upgrades: upgrades }),
    sync: (force = true) => h.core().sync.syncCharacter(h.track(thrall), { force }),
  }
}

/** "Boss:difficulty:source+source" per counted boss, for compact assertions. */
export const bosses = (result: Pick<CharacterSyncResult, 'vault'>) => result.vault.raid.bosses.map((b) => `${b.name}:${b.difficulty}:${b.sources.join('+')}`)

/**
 * Thrall known to all three fake APIs for a CLI session: Blizzard's kills this week (and a Normal one
 * the week before), a +12 seen by Blizzard and Raider.IO, a Shaman profile at item level 311, no logs;
 * `board` adds statistics (crests), completed quests and a guild for the weekly board.
 */
export function thrallEverywhere(h: Harness, board: { statistics?: unknown; quests?: unknown; guild?: unknown } = {}): void {
  h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    ...(board.statistics === undefined ? {} : { statistics: board.statistics }),
    ...(board.quests === undefined ? {} : { quests: board.quests }),
    encounters: blizzardEncounters([
      { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 2, lastKill: RESET + 5 * HOUR },
      { boss: 'Vorasius', difficulty: 'MYTHIC', count: 1, lastKill: RESET + 6 * HOUR },
      { boss: 'Vorasius', difficulty: 'NORMAL', count: 9, lastKill: RESET - 30 * HOUR },
    ]),
    keystone: blizzardKeystoneProfile(1091, [{ dungeon: 'Murder Row', level: 12, completedAt: RESET + 2 * HOUR + 4000 }]),
    profile: { name: 'Thrall', realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, active_spec: { name: 'Enhancement' }, equipped_item_level: 311, ...(board.guild === undefined ? {} : { guild: board.guild }) },
  })
  h.apis.raiderio.setProfile('us', 'area-52', 'Thrall', raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 12, completed_at: new Date(RESET + 2 * HOUR).toISOString() })], [], { name: 'Thrall', realm: 'Area 52' }))
  h.apis.wcl.setCharacter('us', 'area-52', 'Thrall', { id: 1, reports: [] })
}
