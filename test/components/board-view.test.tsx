import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_BOARD_PREFERENCES } from '../../shared/domain/board.ts'
import type { CharacterOverview, SettingsUpdate, VaultApi } from '../../shared/ipc-api.ts'
import { ok } from '../../shared/result.ts'
import { useVault } from '../../renderer/src/state/store.ts'
import { BoardView } from '../../renderer/src/views/board/board-view.tsx'
import { overviewOf, WEEK_1091 } from '../support/overview.ts'

/**
 * The board: one line per character, sorted by what is left, the Next column, hide finished, the one
 * notation for unknown and partial, the vault badge, and preferences that go to main to be kept.
 */
afterEach(cleanup)

// happy-dom lays nothing out: the board's scroll box would measure 0 px high and show no line at all.
const boxSize = { clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'), clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth') }
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1600 })
})
afterAll(() => {
  for (const [name, descriptor] of Object.entries(boxSize)) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor)
})

const stored: SettingsUpdate[] = []
beforeEach(() => {
  stored.length = 0
  window.vault = { updateSettings: (update: SettingsUpdate) => (stored.push(update), Promise.resolve(ok({} as never))), markVaultOpened: () => Promise.resolve(ok({} as never)) } as unknown as VaultApi
  useVault.setState({ route: { name: 'overview' }, board: DEFAULT_BOARD_PREFERENCES, announcement: null })
})

const show = (characters: CharacterOverview[]) => {
  useVault.setState({ characters: { state: 'ready', value: characters } })
  return render(<BoardView />)
}
const names = () => screen.getAllByTestId('character').map((row) => within(row).getByRole('link').textContent)
const line = (name: string) => screen.getAllByTestId('character').find((row) => within(row).getByRole('link').textContent === name)!

const finished = overviewOf(1, 'Jaina', { bosses: ['mythic', 'mythic', 'heroic', 'heroic', 'heroic', 'heroic'], keys: [12, 12, 12, 12, 10, 10, 10, 10], tiers: [8, 8, 8, 8, 8, 8, 8, 8] })
const half = overviewOf(2, 'Thrall', { bosses: ['heroic', 'heroic', 'normal', 'normal'], keys: [10], tiers: [8, 8] })
const nothing = overviewOf(3, 'Anduin')

describe('the board', () => {
  it('sorts by what is left by default, most first; a header click sorts by that column and a second click reverses it (sent to main to keep)', () => {
    show([finished, half, nothing])
    expect(names()).toEqual(['Anduin', 'Thrall', 'Jaina'])
    fireEvent.click(screen.getByRole('button', { name: 'Item level' }))
    expect(names()).toEqual(['Anduin', 'Thrall', 'Jaina'])
    expect(stored.at(-1)?.board).toMatchObject({ sort: 'itemLevel', reversed: false })
    expect(screen.getByRole('columnheader', { name: /Item level/ }).getAttribute('aria-sort')).toBe('descending')
    fireEvent.click(screen.getByRole('button', { name: 'Item level' }))
    expect(names()).toEqual(['Jaina', 'Thrall', 'Anduin'])
    expect(stored.at(-1)?.board).toMatchObject({ sort: 'itemLevel', reversed: true })
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'lowestSlot' } })
    // A locked slot pays nothing: Anduin and Thrall (both 0, then by name) before Jaina, whose weakest slot pays 305.
    expect(names()).toEqual(['Anduin', 'Thrall', 'Jaina'])
  })

  it('the Next column names the cheapest steps and the row; a character with all nine slots is done, and Hide finished hides it', () => {
    show([finished, half])
    // Both cost two; a new slot comes before a better one, and the row is named.
    expect(within(line('Thrall')).getByTestId('next').textContent).toBe('2 bosses → raid slot 3 · 2 activities → world slot 2')
    expect(within(line('Thrall')).getByTestId('next').getAttribute('title')).toContain('2 more bosses (any difficulty) unlock slot 3')
    // All nine slots, but a better raid slot is still one step away: that is still worth saying.
    expect(within(line('Jaina')).getByTestId('next').textContent).toBe('2 Mythic bosses lift raid slot 2 to 334')
    expect(screen.getByTestId('summary').textContent).toBe('1 of 2 at 9/9 · 1 needs raid bosses · 1 needs dungeons · 1 needs world activities')
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hide finished' }))
    expect(names()).toEqual(['Thrall'])
    expect(stored.at(-1)?.board).toMatchObject({ hideFinished: true })
    expect(screen.getByTestId('shown-count').textContent).toBe('1 of 2')
  })

  it('a character with nothing left to gain is done', () => {
    show([overviewOf(7, 'Kalecgos', { bosses: Array(6).fill('mythic'), keys: Array(8).fill(12), tiers: Array(8).fill(11) })])
    expect(within(line('Kalecgos')).getByTestId('next').textContent).toBe('done')
  })

  it('the item level is the big number and what earned it the caption; a locked slot shows its progress', () => {
    show([half])
    const raid = within(line('Thrall')).getAllByTestId('raid-slot')
    expect(raid.map((slot) => slot.textContent)).toEqual(['318H', '305N', '4/6'])
    expect(raid[0]!.getAttribute('aria-label')).toBe('raid slot 1: H item level unknown (no table for this season)')
    expect(within(line('Thrall')).getAllByTestId('dungeon-slot').map((s) => s.textContent)).toEqual(['310+10', '1/4', '1/8'])
  })

  it('unknown is one mark everywhere, with a name screen readers read; partial is another; the legend explains both', () => {
    const unknownRaid = overviewOf(4, 'Illidan', { keys: [10] }, { itemLevel: null, trust: { raid: { status: 'unknown', reasons: ['Blizzard did not answer.'] }, dungeons: { status: 'partial', reasons: ['Only Blizzard answered.'] }, world: { status: 'complete', reasons: [] } } })
    show([unknownRaid])
    const row = line('Illidan')
    expect(within(row).getByTestId('raid-row').getAttribute('data-status')).toBe('unknown')
    expect(within(within(row).getByTestId('raid-row')).getByRole('img', { name: 'Unknown: Blizzard did not answer.' }).textContent).toBe('?')
    expect(within(within(row).getByTestId('item-level')).getByRole('img', { name: 'Unknown: no source gave the item level yet' }).textContent).toBe('?')
    expect(within(within(row).getByTestId('dungeon-row')).getByRole('img', { name: 'At least: Only Blizzard answered.' })).toBeTruthy()
    // Nothing shows a dash or a word for unknown.
    expect(row.textContent).not.toMatch(/—|Unknown/)
    const legend = screen.getByTestId('legend').textContent ?? ''
    expect(legend).toContain('? unknown')
    expect(legend).toContain('+ at least')
    expect(legend).toContain('~ vault maybe opened')
    expect(legend).toContain('* unconfirmed')
  })

  it("last week's waiting vault sits by the name; a click marks it opened; maybe-opened and a failed source have their own marks", () => {
    const waiting = overviewOf(5, 'Sylvanas', {}, { lastWeek: { unlockedSlots: 3, opened: false, waiting: 'maybe-opened' }, failingSources: [{ source: 'raiderio', since: WEEK_1091.start, message: 'Raider.IO had a server problem (HTTP 503).' }] })
    let marked = 0
    useVault.setState({ markVaultOpened: async () => void (marked += 1) })
    show([waiting])
    const name = within(line('Sylvanas')).getByRole('rowheader')
    expect(within(name).getByTestId('vault-ready').textContent).toBe('Vault 3~')
    expect(within(name).getByRole('img', { name: 'A source failed: Raider.IO did not answer' })).toBeTruthy()
    fireEvent.click(within(name).getByTestId('vault-ready'))
    expect(marked).toBe(1)
  })

  it("a vault the game itself said waits is said as the game's word, with no estimate mark", () => {
    const said = overviewOf(6, 'Thrall', {}, { lastWeek: { unlockedSlots: 2, opened: false, waiting: 'waiting', waitingFrom: { addon: 'AlterEgo', savedAt: WEEK_1091.start + 3_600_000 } } })
    show([said])
    const badge = within(within(line('Thrall')).getByRole('rowheader')).getByTestId('vault-ready')
    expect(badge.textContent).toBe('Vault 2')
    expect(badge.getAttribute('aria-label')).toBe('Vault ready, 2 slots, the game says it waits (AlterEgo): mark as opened')
  })

  it("the rating's tooltip says how far each of the season's rating achievements is", () => {
    const jaina = overviewOf(1, 'Jaina', {}, { mythicRating: 3360 })
    show([{ ...jaina, season: { ...jaina.season, ratingAchievements: [{ name: 'Keystone Myth', rating: 3600 }] } }])
    expect(within(line('Jaina')).getByTestId('rating').getAttribute('title')).toBe('Keystone Myth at 3,600: 240 to go')
  })

  it('the header counts down to each region present, naming the region where there are several', () => {
    show([half, overviewOf(6, 'Velen', {}, { region: 'eu', week: { ...WEEK_1091, end: WEEK_1091.end + 13 * 3_600_000 } })])
    expect(screen.getByTestId('reset-countdown').textContent).toMatch(/^Reset in .+ \(US\) · .+ \(EU\)$/)
  })

  it('filters come from the characters themselves, add up, and a filter nobody matches says so (never the welcome page)', () => {
    const jaina = overviewOf(1, 'Jaina', {}, { realmName: 'Silvermoon', realm: 'silvermoon', guild: { name: 'Night Watch', realm: 'silvermoon' } })
    const thrall = overviewOf(2, 'Thrall', {}, { realmName: 'Draenor', realm: 'draenor', guild: { name: 'Night Watch', realm: 'draenor' } })
    show([jaina, thrall, overviewOf(3, 'Anduin', {}, { realmName: 'Silvermoon', realm: 'silvermoon' })])
    const realm = screen.getByRole('combobox', { name: 'Filter by realm' })
    expect(within(realm).getAllByRole('option').map((o) => o.textContent)).toEqual(['All', 'Draenor', 'Silvermoon'])
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by guild' }), { target: { value: 'Night Watch' } })
    fireEvent.change(realm, { target: { value: 'Silvermoon' } })
    expect(names()).toEqual(['Jaina'])
    fireEvent.change(realm, { target: { value: 'Draenor' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by guild' }), { target: { value: '' } })
    expect(names()).toEqual(['Thrall'])
    act(() => useVault.setState({ board: { ...DEFAULT_BOARD_PREFERENCES, realm: 'Nowhere' } }))
    expect(screen.getByTestId('no-match').textContent).toBe('No character matches these filters.')
    expect(screen.queryByTestId('empty-characters')).toBeNull()
  })
})
