import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blizzardEncounters, blizzardKeystoneProfile, raiderIoProfile, raiderIoRun } from '../fakes/builders.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'

/**
 * The CLI's output is a public contract: each command's output, byte for byte, against a stored
 * golden file (test/golden/). A change of layout must leave every one untouched; a deliberate change
 * of output regenerates them with UPDATE_GOLDEN=1 and says so in the note.
 */
const GOLDEN = join(import.meta.dirname, '..', 'golden')
const RESET = Date.parse('2026-11-24T15:00:00.000Z')
const HOUR = 3_600_000
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const run = cliRunner(h)

function thrallEverywhere() {
  h.apis.blizzard.setCharacter('us', 'area-52', 'thrall', {
    encounters: blizzardEncounters([
      { boss: 'Imperator Averzian', difficulty: 'HEROIC', count: 2, lastKill: RESET + 5 * HOUR },
      { boss: 'Vorasius', difficulty: 'MYTHIC', count: 1, lastKill: RESET + 6 * HOUR },
    ]),
    keystone: blizzardKeystoneProfile(1091, [{ dungeon: 'Murder Row', level: 12, completedAt: RESET + 2 * HOUR + 4000 }]),
    profile: { name: 'Thrall', realm: { name: 'Area 52', slug: 'area-52' }, character_class: { name: 'Shaman' }, active_spec: { name: 'Enhancement' }, equipped_item_level: 311 },
  })
  h.apis.raiderio.setProfile('us', 'area-52', 'Thrall', raiderIoProfile([raiderIoRun({ dungeon: 'Murder Row', mythic_level: 12, completed_at: new Date(RESET + 2 * HOUR).toISOString() })], [], { name: 'Thrall', realm: 'Area 52' }))
  h.apis.wcl.setCharacter('us', 'area-52', 'Thrall', { id: 1, reports: [] })
  h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', {
    guild: { name: 'Endless Climb', id: 9, realm: { slug: 'area-52', name: 'Area 52' } },
    members: [
      { rank: 0, character: { name: 'Thrall', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 7 } } },
      { rank: 3, character: { name: 'Jaina', realm: { slug: 'azjolnerub' }, level: 90, playable_class: { id: 8 } } },
    ],
  })
}

/** Output with this run's temporary folder and fake ports replaced, so it can be compared across runs. */
const stable = (text: string) => text.replaceAll(h.dataDir, '<data-dir>').replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, `${name}.txt`)
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true })
    writeFileSync(file, actual)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('the CLI\'s output, byte for byte', () => {
  it('every command, as JSON and as text, in one session', async () => {
    thrallEverywhere()
    const steps: [string, string[]][] = [
      ['help', ['help']],
      ['track', ['track', 'us/Area 52/Thrall', '--json']],
      ['track-again', ['track', 'us/area-52/Thrall']],
      ['list', ['list', '--json']],
      ['list-text', ['list']],
      ['sync', ['sync', '--json']],
      ['sync-text', ['sync']],
      ['vault', ['vault', 'us/area-52/Thrall', '--json']],
      ['vault-text', ['vault', 'us/area-52/Thrall']],
      ['vault-previous', ['vault', 'us/area-52/Thrall', '--week', 'previous', '--json']],
      ['history', ['history', 'us/area-52/Thrall', '--weeks', '2', '--json']],
      ['history-text', ['history', 'us/area-52/Thrall', '--weeks', '2']],
      ['team', ['team', '--json']],
      ['team-csv', ['team', '--csv']],
      ['team-text', ['team']],
      ['week', ['week', '--json', '--at', '2026-11-26T12:00:00Z']],
      ['week-text', ['week', '--region', 'kr', '--at', '2026-11-26T12:00:00Z']],
      ['status', ['status', '--json']],
      ['status-text', ['status']],
      ['import-guild', ['import', 'guild', 'us/area-52/Endless Climb', '--yes', '--json']],
      ['import-guild-text', ['import', 'guild', 'us/area-52/Endless Climb', '--yes']],
      ['untrack', ['untrack', 'us/azjolnerub/Jaina', '--json']],
      ['not-tracked', ['vault', 'us/area-52/Nobody']],
      ['bad-usage', ['vault', 'us/area-52/Thrall', '--week', 'last']],
    ]
    for (const [name, args] of steps) {
      const result = await run(args)
      golden(name, stable(`exit ${result.code}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`))
    }
  })
})
