import { afterEach, beforeEach } from 'vitest'
import { createCore, type Core } from '../../main/composition.ts'
import { addCharacter, type TrackedCharacter } from '../../main/store/characters-repo.ts'
import type { CharacterRef } from '../../shared/domain/types.ts'
import { MIDNIGHT_SEASONS, raidingStaticData } from '../fakes/builders.ts'
import { startFakeApis, type FakeApis } from '../fakes/fake-apis.ts'
import { useTempDir } from './temp-dir.ts'

/** The made-up current-season raids every sync test uses (Raider.IO expansion 11). */
export const SEASON_RAIDS = [
  { slug: 'the-voidspire', name: 'The Voidspire', starts: '2026-08-18T15:00:00Z', bosses: ['Imperator Averzian', 'Vorasius', 'Fallen-King Salhadaar', 'Vaelgor & Ezzorak', 'Lightblinded Vanguard', 'Crown of the Cosmos'] },
  { slug: 'march-on-queldanas', name: "March on Quel'Danas", starts: '2026-08-18T15:00:00Z', bosses: ["Belo'ren", 'Midnight Falls'] },
  { slug: 'the-dreamrift', name: 'The Dreamrift', starts: '2026-08-18T15:00:00Z', bosses: ['Chimaerus'] },
]

export interface Harness {
  apis: FakeApis
  dataDir: string
  /** The fake "now"; tests move it. */
  clock: { now: number }
  core(): Core
  track(ref: CharacterRef): TrackedCharacter
}

/** Fake APIs plus a real core (real SQLite in a temp folder) with a controllable clock, per test. */
export function useCoreHarness(start: string): Harness {
  const tempDir = useTempDir()
  let core: Core | undefined
  const harness = {
    clock: { now: Date.parse(start) },
  } as Harness
  beforeEach(async () => {
    harness.clock.now = Date.parse(start)
    harness.apis = await startFakeApis()
    harness.apis.raiderio.raidingStaticData.set(11, raidingStaticData(SEASON_RAIDS))
    harness.apis.raiderio.mythicPlusStaticData.set(11, MIDNIGHT_SEASONS)
    harness.dataDir = tempDir()
    core = undefined
  })
  afterEach(async () => {
    core?.close()
    await harness.apis.close()
  })
  harness.core = () => {
    core ??= createCore({ dataDir: harness.dataDir, env: harness.apis.env, now: () => harness.clock.now, http: { baseDelayMs: 2, timeoutMs: 2000, retries: 1 }, busyTimeoutMs: 200 })
    return core
  }
  harness.track = (ref) => addCharacter(harness.core().store.db, ref, harness.clock.now).character
  return harness
}
