import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { blizzardCompletedQuests, blizzardStatistics } from '../fakes/builders.ts'
import { HOUR, RESET, thrallEverywhere } from '../support/scenario.ts'

/**
 * The CLI's output is a public contract: each command's output, byte for byte, against a stored
 * golden file (test/golden/). A change of layout must leave every one untouched; a deliberate change
 * of output regenerates them with UPDATE_GOLDEN=1 and says so in the note.
 */
const GOLDEN = join(import.meta.dirname, '..', 'golden')
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const run = cliRunner(h)

/** Thrall everywhere (scenario.ts) with crests, a done weekly quest and a guild, and his guild's roster on Blizzard. */
function session() {
  thrallEverywhere(h, {
    statistics: blizzardStatistics({ 62915: { quantity: 540, lastUpdated: RESET - 20 * HOUR }, 62916: { quantity: 90, lastUpdated: RESET + 3 * HOUR } }),
    quests: blizzardCompletedQuests([90001]),
    guild: { name: 'Endless Climb', id: 9, realm: { slug: 'area-52', name: 'Area 52' } },
  })
  h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', {
    guild: { name: 'Endless Climb', id: 9, realm: { slug: 'area-52', name: 'Area 52' } },
    members: [
      { rank: 0, character: { name: 'Thrall', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 7 } } },
      { rank: 3, character: { name: 'Jaina', realm: { slug: 'azjolnerub' }, level: 90, playable_class: { id: 8 } } },
    ],
  })
}

/**
 * Output with this run's temporary folder and fake ports replaced, so it can be compared across runs
 * and platforms: on Windows the folder appears JSON-escaped (`C:\\Users…`) as well as plain, and the
 * files in it are joined with a backslash.
 */
const stable = (text: string) =>
  text
    .replaceAll(JSON.stringify(h.dataDir).slice(1, -1), '<data-dir>')
    .replaceAll(h.dataDir, '<data-dir>')
    .replace(/<data-dir>(\\\\|\\)/g, '<data-dir>/')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')

/** Compares with the stored golden file; only UPDATE_GOLDEN=1 writes one (a missing file fails, it is never made up). */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, `${name}.txt`)
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true })
    writeFileSync(file, actual)
  }
  expect(existsSync(file), `no golden file ${name}.txt: run with UPDATE_GOLDEN=1 once, and commit it`).toBe(true)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe('the CLI\'s output, byte for byte', () => {
  it('every command, as JSON and as text, in one session', async () => {
    session()
    const steps: [string, string[]][] = [
      ['help', ['help']],
      ['track', ['track', 'us/Area 52/Thrall', '--json']],
      ['track-again', ['track', 'us/area-52/Thrall']],
      ['list', ['list', '--json']],
      ['list-text', ['list']],
      ['quests-add', ['quests', 'add', '90001', 'Weekly Cache', '--json']],
      ['sync', ['sync', '--json']],
      ['sync-text', ['sync']],
      ['vault', ['vault', 'us/area-52/Thrall', '--json']],
      ['vault-text', ['vault', 'us/area-52/Thrall']],
      ['quests', ['quests', '--json']],
      ['quests-text', ['quests']],
      ['vault-previous', ['vault', 'us/area-52/Thrall', '--week', 'previous', '--json']],
      ['history', ['history', 'us/area-52/Thrall', '--weeks', '2', '--json']],
      ['history-text', ['history', 'us/area-52/Thrall', '--weeks', '2']],
      ['team', ['team', '--json']],
      ['team-csv', ['team', '--csv']],
      ['team-text', ['team']],
      ['digest', ['digest', '--json']],
      ['digest-text', ['digest']],
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
    // No game on the test machine, and the same words on every OS: the game folder is named, and empty.
    const env = { ...h.apis.env, VAULT_WOW_DIR: join(h.dataDir, 'no-game') }
    for (const [name, args] of steps) {
      const result = await run(args, { env })
      golden(name, stable(`exit ${result.code}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`))
    }
  })
})
