import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { VaultRow, VaultSlot } from '../../renderer/src/components/vault-slot.tsx'

afterEach(cleanup)

describe('VaultSlot', () => {
  it('shows a locked raid slot as progress toward its threshold', () => {
    render(<VaultSlot kind="raid" slot={{ threshold: 4, progress: 3, unlocked: false, difficulty: null, itemLevel: null, reward: null }} />)
    const slot = screen.getByRole('img', { name: 'Locked: 3 of 4 bosses' })
    expect(slot.textContent).toBe('3 of 4 bosses') // units spelled out: "4/6" reads like raid progress
    expect(slot.className).toContain('locked')
    expect(slot.querySelector('progress')?.getAttribute('value')).toBe('3')
  })

  it('shows an unlocked raid slot with its difficulty colour, item level and upgrade track', () => {
    render(<VaultSlot kind="raid" slot={{ threshold: 2, progress: 2, unlocked: true, difficulty: 'heroic', itemLevel: 318, reward: { itemLevel: 318, track: 'Myth', rank: 1, confirmed: true, exceptions: [] } }} />)
    const slot = screen.getByRole('img', { name: 'Unlocked: Heroic, item level 318 Myth 1' })
    expect(slot.textContent).toBe('HeroicMyth 1 · 318')
    // Coloured by upgrade track, as the game colours items, not by raid difficulty.
    expect(slot.className).toContain('track-myth')
  })

  it('shows a Mythic slot as 334 with the 344 exception, not as one number', () => {
    const reward = { itemLevel: 334, track: 'Myth' as const, rank: 6, confirmed: true, exceptions: [{ itemLevel: 344, track: 'Myth' as const, rank: 9, confirmed: true, bosses: ['The Coiled Altar', "Ula'tek"] }] }
    render(<VaultSlot kind="raid" slot={{ threshold: 2, progress: 2, unlocked: true, difficulty: 'mythic', itemLevel: 334, reward }} />)
    const slot = screen.getByRole('img', { name: "Unlocked: Mythic, item level 334 Myth 6; 344 Myth 9 from The Coiled Altar or Ula'tek" })
    expect(slot.textContent).toContain("(344 Myth 9 from The Coiled Altar or Ula'tek)")
  })

  it("Kith'ix's 344 is shown with its unconfirmed mark beside the last two bosses' confirmed one", () => {
    const exceptions = [
      { itemLevel: 344, track: 'Myth' as const, rank: 9, confirmed: true, bosses: ['The Coiled Altar', "Ula'tek"], label: 'the last two bosses' },
      { itemLevel: 344, track: 'Myth' as const, rank: 9, confirmed: false, bosses: ["Kith'ix"], label: "Kith'ix" },
    ]
    const slot = { threshold: 2, progress: 2, unlocked: true, difficulty: 'mythic' as const, itemLevel: 334, reward: { itemLevel: 334, track: 'Myth' as const, rank: 6, confirmed: true, exceptions } }
    render(<VaultSlot kind="raid" slot={slot} />)
    expect(screen.getByTestId('raid-slot').textContent).toContain("(344 Myth 9 from the last two bosses)(344 Myth 9 from Kith'ix)?")
  })

  it('marks an unconfirmed item level', () => {
    render(<VaultSlot kind="dungeon" slot={{ threshold: 1, progress: 1, unlocked: true, level: 0, itemLevel: 289, reward: { itemLevel: 289, track: 'Veteran', rank: null, confirmed: false, exceptions: [] } }} />)
    expect(screen.getByTitle('Unconfirmed: published tables disagree on this value').textContent).toBe('?')
  })

  it.each([
    [0, 'Heroic'],
    [1, 'Mythic 0'],
    [12, '+12'],
  ])('labels dungeon level %i as %s', (level, label) => {
    render(<VaultSlot kind="dungeon" slot={{ threshold: 1, progress: 1, unlocked: true, level, itemLevel: 300, reward: { itemLevel: 300, track: null, rank: null, confirmed: true, exceptions: [] } }} />)
    expect(screen.getByRole('img', { name: `Unlocked: ${label}, item level 300` })).toBeTruthy()
  })

  it('renders a row of three read-only slots (no buttons, nothing to edit)', () => {
    const { container } = render(
      <VaultRow title="Dungeons" kind="dungeon" slots={[1, 4, 8].map((threshold) => ({ threshold, progress: 2, unlocked: threshold === 1, level: threshold === 1 ? 7 : null, itemLevel: threshold === 1 ? 315 : null, reward: null }))} />,
    )
    expect(screen.getAllByTestId('dungeon-slot')).toHaveLength(3)
    expect(screen.getByRole('img', { name: 'Locked: 2 of 8 dungeons' })).toBeTruthy()
    expect(container.querySelectorAll('button, input, select')).toHaveLength(0)
  })
})

describe("a slot the game's own save speaks for", () => {
  it("shows the game's item level over the table's, says so, and names the addon", () => {
    const savedAt = Date.parse('2026-12-04T09:20:00Z')
    const slot = { threshold: 2, progress: 2, unlocked: true, tier: 6, itemLevel: 295, reward: { itemLevel: 298, track: 'Champion' as const, rank: null, confirmed: false, exceptions: [] }, game: { itemLevel: 295, progress: 3, threshold: 2, addon: 'WoWthing' as const, savedAt } }
    render(<VaultSlot slot={slot} kind="world" />)
    const shown = screen.getByTestId('world-slot')
    expect(shown.getAttribute('aria-label')).toBe('Unlocked: Tier 6, item level 295')
    expect(within(shown).getByTitle('The game says 295; the season table says 298').textContent).toBe('295')
    expect(within(shown).getByText('game · WoWthing')).toBeTruthy()
  })
})
