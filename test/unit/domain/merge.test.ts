import { describe, expect, it } from 'vitest'
import { bossKeyFromName, countBossesOnce, mergeKeystoneRuns } from '../../../shared/domain/merge.ts'
import type { BossKill, KeystoneRun } from '../../../shared/domain/types.ts'

function kill(bossName: string, difficulty: BossKill['difficulty'], source: BossKill['source'], killedAt: number | null = 1000): BossKill {
  return { bossKey: bossKeyFromName(bossName), bossName, difficulty, source, killedAt }
}

describe('bossKeyFromName', () => {
  it.each([
    ['Plexus Sentinel', 'plexussentinel'],
    ["Nexus-King Salhadaar", 'nexuskingsalhadaar'],
    ["Ula'tek", 'ulatek'],
    ['Dimensius, the All-Devouring', 'dimensiusthealldevouring'],
    ['Fractillus ', 'fractillus'],
    ['Sprocketmonger Lockenstock', 'sprocketmongerlockenstock'],
    ['Cháos', 'chaos'],
  ])('%s → %s', (name, key) => expect(bossKeyFromName(name)).toBe(key))
})

describe('countBossesOnce', () => {
  it('counts a boss killed on normal and heroic once, at heroic, with only the heroic sources', () => {
    const bosses = countBossesOnce([
      kill('Plexus Sentinel', 'normal', 'blizzard', 100),
      kill('Plexus Sentinel', 'heroic', 'warcraftlogs', 200),
      kill('Plexus Sentinel', 'normal', 'warcraftlogs', 50),
    ])
    expect(bosses).toEqual([
      { bossKey: 'plexussentinel', bossName: 'Plexus Sentinel', difficulty: 'heroic', sources: ['warcraftlogs'], lastKillAt: 200 },
    ])
  })

  it('combines the sources that saw the same boss on the same difficulty, in a stable order', () => {
    const [boss] = countBossesOnce([
      kill('Loom\'ithar', 'mythic', 'snapshot', null),
      kill('Loom\'ithar', 'mythic', 'warcraftlogs', 300),
      kill('Loom\'ithar', 'mythic', 'blizzard', 250),
      kill('Loom\'ithar', 'mythic', 'blizzard', 250),
    ])
    expect(boss?.sources).toEqual(['blizzard', 'warcraftlogs', 'snapshot'])
    expect(boss?.lastKillAt).toBe(300)
  })

  it('keeps LFR-only bosses and orders best difficulty first, then by name', () => {
    const bosses = countBossesOnce([
      kill('Zeta', 'lfr', 'blizzard'),
      kill('Alpha', 'lfr', 'blizzard'),
      kill('Beta', 'mythic', 'blizzard'),
    ])
    expect(bosses.map((b) => `${b.bossName}:${b.difficulty}`)).toEqual(['Beta:mythic', 'Alpha:lfr', 'Zeta:lfr'])
  })

  it('returns nothing for no evidence', () => expect(countBossesOnce([])).toEqual([]))
})

describe('mergeKeystoneRuns', () => {
  const run = (dungeon: string, level: number, completedAt: number, source: KeystoneRun['sources'][number]): KeystoneRun => ({
    dungeon, level, completedAt, timed: source === 'raiderio' ? true : null, sources: [source],
  })

  it('counts one run seen by Raider.IO and Blizzard a few seconds apart once, with both sources', () => {
    const runs = mergeKeystoneRuns([run('Ara-Kara', 12, 100_000, 'raiderio'), run('ARA-KARA', 12, 130_000, 'blizzard')])
    expect(runs).toHaveLength(1)
    expect(runs[0]?.sources).toEqual(['blizzard', 'raiderio'])
    expect(runs[0]?.timed).toBe(true)
  })

  it.each([
    { name: 'different level', b: run('Ara-Kara', 11, 100_000, 'blizzard') },
    { name: 'more than 60 s apart', b: run('Ara-Kara', 12, 161_000, 'blizzard') },
    { name: 'other dungeon', b: run('Floodgate', 12, 100_000, 'blizzard') },
  ])('keeps two runs apart when they differ: $name', ({ b }) => {
    expect(mergeKeystoneRuns([run('Ara-Kara', 12, 100_000, 'raiderio'), b])).toHaveLength(2)
  })

  it('keeps two genuine runs of the same dungeon and level at different times', () => {
    const runs = mergeKeystoneRuns([run('Floodgate', 10, 1_000_000, 'raiderio'), run('Floodgate', 10, 5_000_000, 'raiderio')])
    expect(runs.map((r) => r.completedAt)).toEqual([5_000_000, 1_000_000])
  })
})
