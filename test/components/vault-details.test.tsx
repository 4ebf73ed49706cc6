import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { VaultDetails } from '../../renderer/src/views/character-view.tsx'
import type { RowTrust } from '../../shared/domain/row-status.ts'
import type { CharacterVaultView, WeekTrustView, WeekVaultView } from '../../shared/ipc-api.ts'
import { nextStepsOf, seasonViewOf } from '../support/season-views.ts'
import { useVault } from '../../renderer/src/state/store.ts'

afterEach(cleanup)

const START = Date.parse('2026-11-24T15:00:00Z')
const raidSlots = (unlocked: number): WeekVaultView['raid']['slots'] =>
  [2, 4, 6].map((threshold, i) => ({ threshold, progress: Math.min(threshold, unlocked * 2), unlocked: i < unlocked, difficulty: i < unlocked ? 'heroic' : null, itemLevel: i < unlocked ? 318 : null, reward: i < unlocked ? { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] } : null }))
const dungeonSlots = (unlocked: number): WeekVaultView['dungeons']['slots'] =>
  [1, 4, 8].map((threshold, i) => ({ threshold, progress: 0, unlocked: i < unlocked, level: i < unlocked ? 10 : null, itemLevel: i < unlocked ? 318 : null, reward: i < unlocked ? { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] } : null }))
const complete: RowTrust = { status: 'complete', reasons: [] }
const trusted: WeekTrustView = { raid: complete, dungeons: complete, world: complete }
const worldSlots = [2, 4, 8].map((threshold) => ({ threshold, progress: 0, unlocked: false, tier: null, itemLevel: null, reward: null }))

function view(previousUnlocked: number, trust: WeekTrustView = trusted, season = seasonViewOf()): CharacterVaultView {
  const week = (start: number) => ({ period: 1091, start, end: start + 604_800_000 })
  const current: Omit<WeekVaultView, 'nextSteps'> = {
    week: week(START),
    season,
    raid: { bosses: [{ name: 'Vorasius', difficulty: 'heroic', sources: ['blizzard', 'warcraftlogs'], lastKillAt: START + 1, parsePercent: 87.4 }, { name: 'Chimaerus', difficulty: 'normal', sources: ['snapshot'], lastKillAt: null, parsePercent: null }], slots: raidSlots(1) },
    dungeons: { runs: [{ dungeon: 'Murder Row', level: 12, completedAt: START + 2, timed: false, sources: ['raiderio'] }], slots: dungeonSlots(0) },
    world: { activities: [{ kind: 'delve', name: 'Tier 8 delves', tier: 8, count: 3, sources: ['snapshot'] }], slots: worldSlots },
    trust,
    syncedAt: null,
  }
  const previous: Omit<WeekVaultView, 'nextSteps'> = { week: week(START - 604_800_000), season, raid: { bosses: [], slots: raidSlots(previousUnlocked) }, dungeons: { runs: [], slots: dungeonSlots(0) }, world: { activities: [], slots: worldSlots }, trust: trusted, syncedAt: null }
  return {
    raids: [{ name: 'The Voidspire', bosses: [{ name: 'Vorasius', difficulty: 'heroic' }, { name: 'Imperator Averzian', difficulty: null }] }],
    character: { id: 1, region: 'us', realm: 'area-52', realmName: 'Area 52', lastLoginAt: null, raiderioCrawledAt: null, lastWeek: { unlockedSlots: 0, opened: false, waiting: 'none' as const }, name: 'Thrall', className: 'Shaman', specName: 'Enhancement', itemLevel: 311, mythicRating: 2510.4, guild: null, crests: { known: false, kinds: [], note: null }, quests: [], week: week(START), raid: raidSlots(1), dungeons: dungeonSlots(0), world: worldSlots, trust, lastSyncedAt: null, nextSyncAt: null, nextSteps: nextStepsOf({ raid: { bosses: [] }, dungeons: { runs: [] }, world: { activities: [] } } as never), failingSources: [{ source: 'blizzard', since: null, message: 'Blizzard had a server problem.' }], trackedSince: 0, season },
    current: { ...current, nextSteps: nextStepsOf(current) },
    previous: { ...previous, nextSteps: nextStepsOf(previous) },
    sources: {
      blizzard: { status: 'ok', syncedAt: Date.now() - 120_000, error: null },
      warcraftlogs: { status: 'error', syncedAt: null, error: { code: 'AUTH_FAILED', message: 'Warcraft Logs rejected the API credentials (HTTP 401).' } },
      raiderio: { status: 'not_configured', syncedAt: null, error: null },
    },
    warnings: [],
    history: [
      { period: 1090, start: START - 604_800_000, end: START, current: false, season: { id: 'season-mn-2', name: 'Midnight Season 2', tableKnown: true }, raid: { status: 'complete', slots: raidSlots(2) }, dungeons: { status: 'complete', slots: dungeonSlots(1) }, world: { status: 'unknown', slots: worldSlots }, unlockedSlots: 3, opened: true },
      { period: 1089, start: START - 2 * 604_800_000, end: START - 604_800_000, current: false, season: { id: 'season-mn-2', name: 'Midnight Season 2', tableKnown: true }, raid: { status: 'complete', slots: raidSlots(0) }, dungeons: { status: 'complete', slots: dungeonSlots(0) }, world: { status: 'complete', slots: worldSlots }, unlockedSlots: 0, opened: false },
    ],
  }
}

describe('VaultDetails', () => {
  it('lists bosses with difficulty, source badges and parse, and runs with level and over-time note', () => {
    render(<VaultDetails view={view(0)} />)
    const [vorasius, chimaerus] = screen.getAllByTestId('boss')
    expect(vorasius?.textContent).toContain('Heroic')
    expect(within(vorasius!).getByTitle('Seen by Blizzard')).toBeTruthy()
    expect(within(vorasius!).getByTitle('Seen by Warcraft Logs')).toBeTruthy()
    expect(within(vorasius!).getByTitle('Best Warcraft Logs parse').textContent).toBe('87%')
    expect(within(chimaerus!).getByTitle('Seen by snapshot')).toBeTruthy()
    expect(screen.getByTestId('run').textContent).toContain('+12')
    expect(screen.getByTestId('run').textContent).toContain('over time')
  })

  it('matches a killed boss to its raid however the sources spell it, so it is neither "not yet" nor listed twice', () => {
    const spelled = view(0)
    spelled.raids = [{ name: 'The Voidspire', bosses: [{ name: 'Fallen King Salhadaar', difficulty: 'heroic' }, { name: 'Imperator Averzian', difficulty: null }] }]
    spelled.current.raid.bosses = [{ name: 'Fallen-King Salhadaar', difficulty: 'heroic', sources: ['blizzard'], lastKillAt: START + 1, parsePercent: null }]
    render(<VaultDetails view={spelled} />)
    expect(screen.getAllByTestId('boss').map((b) => b.textContent)).toEqual([expect.stringContaining('Fallen-King Salhadaar')])
    expect(screen.getAllByTestId('boss-to-kill').map((b) => b.textContent)).toEqual([expect.stringContaining('Imperator Averzian')])
  })

  it('shows each source\'s status, its error and a way to configure it', () => {
    render(<VaultDetails view={view(0)} />)
    expect(screen.getByTestId('source-blizzard').textContent).toContain('synced 2 minutes ago')
    expect(screen.getByTestId('source-warcraftlogs').textContent).toContain('rejected the API credentials')
    expect(within(screen.getByTestId('source-raiderio')).getByRole('link', { name: 'Add credentials' })).toBeTruthy()
  })

  it('groups bosses by raid and lists the ones still to kill this week', () => {
    render(<VaultDetails view={view(0)} />)
    expect(screen.getByRole('heading', { name: /The Voidspire/ }).textContent).toContain('1 of 2')
    expect(screen.getByTestId('boss-to-kill').textContent).toContain('Imperator Averzian')
  })

  it('names itself: an h1 with the character and the document title', () => {
    render(<VaultDetails view={view(0)} />)
    expect(screen.getByRole('heading', { level: 1, name: 'Thrall' })).toBeTruthy()
    expect(document.title).toBe('Thrall — Vault Companion')
  })

  it('says what next: the cheapest step to the next slot', () => {
    render(<VaultDetails view={view(0)} />)
    expect(screen.getByTestId('next-steps').textContent).toContain('Raid: 1 more Heroic boss lifts slot 1 from 305 to 318')
  })

  it('lists the World row\'s activities (delves by tier, Prey, world activities)', () => {
    render(<VaultDetails view={view(0)} />)
    expect(screen.getByTestId('activity').textContent).toContain('3 ×Tier 8 delves')
    expect(screen.getAllByTestId('world-row')).toHaveLength(1)
  })

  it('offers last week\'s vault as ready to open only when it unlocked something', () => {
    const { unmount } = render(<VaultDetails view={view(0)} />)
    expect(screen.queryByTestId('ready-to-open')).toBeNull()
    unmount()
    render(<VaultDetails view={view(2)} />)
    const ready = within(screen.getByTestId('ready-to-open'))
    expect(ready.getAllByRole('img', { name: 'Unlocked: Heroic, item level 318 Myth 1' })).toHaveLength(2)
    // Last week is over: its locked slots can no longer fill, so they show no progress.
    expect(ready.getAllByRole('img', { name: /^Not earned/ }).length).toBeGreaterThan(0)
    expect(screen.getByTestId('ready-to-open').querySelectorAll('progress')).toHaveLength(0)
  })

  it('an unknown row shows why and how to fix it, never slots of zero', () => {
    const unknown: RowTrust = { status: 'unknown', reasons: ['Blizzard is not configured.', 'Warcraft Logs is not configured.'] }
    const noCredentials = view(0, { raid: unknown, dungeons: complete, world: complete })
    noCredentials.sources.blizzard = { status: 'not_configured', syncedAt: null, error: null }
    noCredentials.sources.warcraftlogs = { status: 'not_configured', syncedAt: null, error: null }
    render(<VaultDetails view={noCredentials} />)
    const [raid] = screen.getAllByTestId('raid-row')
    expect(raid?.dataset.status).toBe('unknown')
    expect(within(raid!).queryAllByTestId('raid-slot')).toHaveLength(0)
    expect(raid?.textContent).toContain('Blizzard is not configured.')
    expect(within(raid!).getByRole('link', { name: 'Add Blizzard or Warcraft Logs credentials in Settings' })).toBeTruthy()
  })

  it('a partial row keeps its slots, is marked partial, and says what may be missing', () => {
    const partial: RowTrust = { status: 'partial', reasons: ['Only Warcraft Logs answered during this week: kills that were not logged are missing.'] }
    render(<VaultDetails view={view(0, { raid: partial, dungeons: complete, world: complete })} />)
    const [raid] = screen.getAllByTestId('raid-row')
    expect(within(raid!).getAllByTestId('raid-slot')).toHaveLength(3)
    expect(within(raid!).getByText('partial')).toBeTruthy()
    expect(raid?.textContent).toContain('kills that were not logged are missing')
  })

  it('names the season table that priced the slots', () => {
    render(<VaultDetails view={view(0)} />)
    expect(screen.getByTestId('season-table').textContent).toContain('Midnight Season 2 · rewards from the table checked 2026-12-07 (built in)')
    expect(screen.queryByTestId('season-notice')).toBeNull()
  })

  it('a season this version does not know: a notice says so and where the update stands, and no table is named', () => {
    useVault.setState({ update: { state: 'ready', version: '0.3.0', message: null } })
    render(<VaultDetails view={view(0, trusted, seasonViewOf(false))} />)
    const notice = screen.getByTestId('season-notice')
    expect(notice.getAttribute('role')).toBe('status')
    expect(notice.textContent).toContain('Midnight Season 3: rewards unknown')
    expect(notice.textContent).toContain("This version does not know Midnight Season 3's rewards — update the app.")
    expect(screen.getByTestId('season-update-hint').textContent).toBe('Version 0.3.0 is downloaded: it installs when you quit Vault Companion.')
    expect(screen.queryByTestId('season-table')).toBeNull()
  })

  it('lists the recent weeks compactly: slots, the best reward, opened or not, and a row nobody checked', () => {
    render(<VaultDetails view={view(0)} />)
    const weeks = screen.getAllByTestId('history-week').map((li) => li.textContent)
    expect(weeks).toHaveLength(2)
    expect(weeks[0]).toContain('at least 3 of 9 slots · best 318')
    expect(weeks[0]).toContain('opened · a row was not checked')
    expect(weeks[1]).toContain('0 of 9 slots')
    expect(weeks[1]).toContain('nothing earned')
  })

  it('with the raid row unknown, the boss list says unknown and why, never "not yet"; the World panel never says "none" for what nobody read (issue 29.4)', () => {
    const failed: RowTrust = { status: 'unknown', reasons: ['Blizzard failed: Blizzard had a server problem (HTTP 503). The next sync will try again.'] }
    const blind = view(0, { raid: failed, dungeons: complete, world: failed })
    blind.current = { ...blind.current, raid: { ...blind.current.raid, bosses: [] }, world: { ...blind.current.world, activities: [] } }
    render(<VaultDetails view={blind} />)
    const bosses = screen.getByRole('region', { name: 'Bosses this week' })
    expect(bosses.textContent).not.toContain('not yet')
    expect(within(bosses).getAllByRole('img', { name: 'Unknown: nobody could check this week' })).toHaveLength(2)
    expect(within(bosses).getByTestId('unknown-note').textContent).toMatch(/^\?\s*Which bosses died this week is unknown: Blizzard failed: Blizzard had a server problem\. The next sync will try again\./)
    const world = screen.getByRole('region', { name: 'World this week' })
    expect(world.textContent).not.toMatch(/No delves/)
    expect(within(world).getByTestId('unknown-note')).toBeTruthy()
    // The HTTP code is one click away, not in the sentence.
    expect(within(within(bosses).getByTestId('unknown-note')).getByText('Details')).toBeTruthy()
    expect(within(bosses).getByTestId('unknown-note').querySelector('details')?.textContent).toContain('HTTP 503')
  })

  it('weeks before the character was tracked say "not tracked yet", never "0 of 9 slots" (issue 29.4)', () => {
    const added = view(0)
    added.character = { ...added.character, trackedSince: START - 1000 }
    render(<VaultDetails view={added} />)
    const weeks = screen.getAllByTestId('history-week').map((li) => li.textContent)
    expect(weeks[0]).toContain('3 of 9 slots')
    expect(weeks[1]).toContain('not tracked yet')
    expect(weeks[1]).not.toContain('0 of 9')
  })

  it('the season notice is said once in the view, not again in every row (issue 29.4)', () => {
    const season = seasonViewOf(false)
    const message = season.message!
    const row: RowTrust = { status: 'complete', reasons: [message] }
    const v = view(0, { raid: row, dungeons: row, world: row }, season)
    v.warnings = [message]
    render(<VaultDetails view={v} />)
    const occurrences = document.body.textContent!.split("This version does not know Midnight Season 3's rewards").length - 1
    expect(occurrences).toBe(1)
  })

  it("a crest's statistic name and id, and a source's HTTP code, sit behind Details (issue 29.5)", () => {
    const v = view(0)
    v.character = { ...v.character, crests: { known: true, note: 'Rewards that do not count (quest 97910, achievements 63332 and 63326) exist.', kinds: [{ name: 'Hero', statisticId: 62915, statisticName: 'Hero Mistcrests', total: 100, weekGain: 0, weekGainExact: true, cap: null, capConfirmed: false, capLifted: true, readAt: 1 }] } }
    render(<VaultDetails view={v} />)
    const crest = screen.getByTestId('crest')
    expect(crest.textContent).toMatch(/^Hero100 \(\+0 this week, no cap\)Details/)
    expect(crest.querySelector('details')?.textContent).toContain('Hero Mistcrests · statistic 62915')
    const note = screen.getByTestId('crest-list').querySelector('p')!
    expect(note.textContent).toMatch(/^Rewards that do not count exist\. Details/)
    const wcl = screen.getByTestId('source-warcraftlogs')
    expect(wcl.querySelector('.source-error')?.textContent).toMatch(/^Warcraft Logs rejected the API credentials\. Details/)
  })
})
