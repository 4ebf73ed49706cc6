import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useVault } from '../../renderer/src/state/store.ts'
import { Overview } from '../../renderer/src/views/overview.tsx'
import type { RowTrust } from '../../shared/domain/row-status.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { seasonViewOf } from '../support/season-views.ts'

/** The overview as the team view: filters from the characters themselves, counts of what is shown, and no welcome page for an empty filter. */
afterEach(cleanup)

const complete: RowTrust = { status: 'complete', reasons: [] }
const slots = (thresholds: number[]) => thresholds.map((threshold) => ({ threshold, progress: 0, unlocked: false, difficulty: null, level: null, tier: null, itemLevel: null, reward: null }))

function character(id: number, name: string, realmName: string, guild: string | null, questDone: boolean): CharacterOverview {
  return {
    id, name, region: 'eu', realm: realmName.toLowerCase(), realmName, className: 'Mage', specName: 'Frost', itemLevel: 300 + id, mythicRating: null, lastLoginAt: null, raiderioCrawledAt: null,
    guild: guild ? { name: guild, realm: realmName.toLowerCase() } : null,
    crests: { known: true, note: null, kinds: [{ name: 'Hero', statisticId: 1, statisticName: null, total: 100 * id, weekGain: 10, weekGainExact: true, cap: 1600, capConfirmed: false, capLifted: false, readAt: 1 }] },
    quests: [{ id: 7, name: 'Cache', state: questDone ? 'done' : 'not-done', reason: 'why' }],
    lastWeek: { unlockedSlots: 0, opened: false, waiting: 'none' },
    week: { period: 1091, start: 0, end: 604_800_000 }, season: seasonViewOf(),
    raid: slots([2, 4, 6]), dungeons: slots([1, 4, 8]), world: slots([2, 4, 8]),
    trust: { raid: complete, dungeons: complete, world: complete }, lastSyncedAt: Date.now(), nextSyncAt: null, hasErrors: false,
  } as CharacterOverview
}

beforeEach(() => {
  useVault.setState({
    route: { name: 'overview' },
    characters: { state: 'ready', value: [character(1, 'Jaina', 'Silvermoon', 'Night Watch', true), character(2, 'Thrall', 'Draenor', 'Night Watch', false), character(3, 'Anduin', 'Silvermoon', null, false)] },
  })
})

const names = () => screen.getAllByTestId('character').map((row) => within(row).getByRole('link').textContent)

describe('the team view', () => {
  it('offers only the realms and guilds the characters have, and filters by them together', () => {
    render(<Overview />)
    const realm = screen.getByRole('combobox', { name: 'Filter by realm' })
    expect(within(realm).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'Draenor', 'Silvermoon'])
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by guild' }), { target: { value: 'Night Watch' } })
    expect(names()).toEqual(['Jaina', 'Thrall'])
    fireEvent.change(realm, { target: { value: 'Silvermoon' } })
    expect(names()).toEqual(['Jaina'])
    expect(screen.getByTestId('shown-count').textContent).toBe('1 of 3')
    expect(within(screen.getAllByTestId('character')[0]!).getByTestId('quests').textContent).toMatch(/^1\/1/)
  })

  it('a filter nobody matches says so, keeps the filters and the export off, and never shows the first-run welcome', () => {
    useVault.setState({ characters: { state: 'ready', value: [character(1, 'Jaina', 'Silvermoon', 'Night Watch', true), character(2, 'Thrall', 'Draenor', null, false)] } })
    render(<Overview />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by guild' }), { target: { value: 'Night Watch' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by realm' }), { target: { value: 'Draenor' } })
    expect(screen.getByTestId('no-match').textContent).toBe('No character matches these filters.')
    expect(screen.queryByTestId('empty-characters')).toBeNull()
    expect((screen.getByRole('button', { name: 'Export CSV' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
