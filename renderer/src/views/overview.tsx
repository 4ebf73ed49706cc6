import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { RowTrust } from '../../../shared/domain/row-status.ts'
import type { VaultSlot as Slot } from '../../../shared/domain/types.ts'
import type { CharacterOverview } from '../../../shared/ipc-api.ts'
import { VAULT_WAITING_TEXT } from '../../../shared/domain/vault-waiting.ts'
import { AddCharacterForm } from '../components/add-character-form.tsx'
import { classCss, relativeTime } from '../components/format.ts'
import { SeasonNotice } from '../components/season-notice.tsx'
import { VaultSlot, type RowKind } from '../components/vault-slot.tsx'
import { usePageHeading } from '../use-page-heading.ts'
import { useNow } from '../use-now.ts'
import { useVault } from '../state/store.ts'
import { Welcome } from './welcome.tsx'

type SortKey = 'name' | 'class' | 'itemLevel' | 'rating' | 'raid' | 'dungeons' | 'world' | 'synced'
const DAY_MS = 24 * 60 * 60 * 1000

/** Progress of a row as one number: unlocked slots first, then steps toward the next. */
const rowScore = (slots: readonly Slot[], trust: RowTrust) => (trust.status === 'unknown' ? -1 : slots.filter((s) => s.unlocked).length * 100 + slots.reduce((sum, s) => sum + s.progress, 0))

const SORTS: Record<SortKey, (a: CharacterOverview, b: CharacterOverview) => number> = {
  name: (a, b) => a.name.localeCompare(b.name),
  class: (a, b) => (a.className ?? '~').localeCompare(b.className ?? '~') || a.name.localeCompare(b.name),
  itemLevel: (a, b) => (b.itemLevel ?? -1) - (a.itemLevel ?? -1),
  rating: (a, b) => (b.mythicRating ?? -1) - (a.mythicRating ?? -1),
  raid: (a, b) => rowScore(b.raid, b.trust.raid) - rowScore(a.raid, a.trust.raid),
  dungeons: (a, b) => rowScore(b.dungeons, b.trust.dungeons) - rowScore(a.dungeons, a.trust.dungeons),
  world: (a, b) => rowScore(b.world, b.trust.world) - rowScore(a.world, a.trust.world),
  synced: (a, b) => (b.lastSyncedAt ?? 0) - (a.lastSyncedAt ?? 0),
}

/** Names sort A–Z first; numbers (item level, progress, last sync) highest or newest first. */
const NATURALLY_DESCENDING = new Set<SortKey>(['itemLevel', 'rating', 'raid', 'dungeons', 'world', 'synced'])

/** Every tracked character in one sortable table: the three rows, what is stale, which vaults wait to be opened. */
export function Overview() {
  const characters = useVault((s) => s.characters)
  const announcement = useVault((s) => s.announcement)
  const heading = usePageHeading('Characters')
  // `reversed`: the second click on a column flips its natural order.
  const [sort, setSort] = useState<{ key: SortKey; reversed: boolean }>({ key: 'name', reversed: false })
  const list = characters.state === 'ready' ? characters.value : []
  const sorted = [...list].sort((a, b) => (sort.reversed ? -1 : 1) * SORTS[sort.key](a, b))
  const sortBy = (key: SortKey) => setSort((current) => ({ key, reversed: current.key === key ? !current.reversed : false }))

  return (
    <div className="overview">
      <div className="view-title">
        <h1 ref={heading} tabIndex={-1}>Characters</h1>
        {characters.state === 'ready' && list.length > 0 && <AddCharacterBar />}
      </div>
      {announcement && (
        <p role="status" className="ok-text announcement">
          {announcement}
        </p>
      )}
      {/* One notice per distinct season problem (regions can be in different weeks), not one per character. */}
      {[...new Map(list.filter((c) => c.season.message).map((c) => [c.season.message, c.season])).values()].map((season) => (
        <SeasonNotice key={season.message} season={season} />
      ))}
      {characters.state === 'loading' && <p className="muted">Loading your characters…</p>}
      {characters.state === 'failed' && <p className="muted">Your characters could not be loaded.</p>}
      {characters.state === 'ready' && list.length === 0 && <Welcome />}
      {characters.state === 'ready' && list.length > 0 && (
        <div className="roster-scroll">
        <table className="roster" aria-label="Tracked characters">
          <thead>
            <tr>
              <SortHeader label="Character" column="name" sort={sort} onSort={sortBy} />
              <SortHeader label="Class" column="class" sort={sort} onSort={sortBy} />
              <SortHeader label="Item level" column="itemLevel" sort={sort} onSort={sortBy} />
              <SortHeader label="Rating" column="rating" sort={sort} onSort={sortBy} />
              <SortHeader label="Raid" column="raid" sort={sort} onSort={sortBy} />
              <SortHeader label="Dungeons" column="dungeons" sort={sort} onSort={sortBy} />
              <SortHeader label="World" column="world" sort={sort} onSort={sortBy} />
              <SortHeader label="Synced" column="synced" sort={sort} onSort={sortBy} />
              <th scope="col">Last week</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <CharacterRow key={c.id} character={c} />
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  )
}

function SortHeader({ label, column, sort, onSort }: { label: string; column: SortKey; sort: { key: SortKey; reversed: boolean }; onSort: (key: SortKey) => void }) {
  const active = sort.key === column
  const descending = NATURALLY_DESCENDING.has(column) !== sort.reversed
  return (
    <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  )
}

function CharacterRow({ character }: { character: CharacterOverview }) {
  const navigate = useVault((s) => s.navigate)
  const markVaultOpened = useVault((s) => s.markVaultOpened)
  const now = useNow()
  const stale = staleness(character, now)
  const open = (e: { preventDefault(): void }) => {
    e.preventDefault()
    navigate({ name: 'character', id: character.id })
  }
  return (
    <tr data-testid="character">
      <th scope="row" className="roster-name">
        <a href={`#/character/${character.id}`} onClick={open} className={classCss(character.className)}>
          {character.name}
        </a>
        <span className="muted small">
          {character.realmName ?? character.realm} · {character.region.toUpperCase()}
        </span>
      </th>
      <td className="small">{[character.specName, character.className].filter(Boolean).join(' ') || '—'}</td>
      <td className="numeric">{character.itemLevel ?? '—'}</td>
      <td className="numeric" data-testid="rating">{character.mythicRating === null ? '—' : Math.round(character.mythicRating)}</td>
      <RowCell kind="raid" slots={character.raid} trust={character.trust.raid} />
      <RowCell kind="dungeon" slots={character.dungeons} trust={character.trust.dungeons} />
      <RowCell kind="world" slots={character.world} trust={character.trust.world} />
      <td className="small">
        <span>{relativeTime(character.lastSyncedAt, now)}</span>
        {stale && <span className="stale" title={stale}> · stale</span>}
        {character.hasErrors && <span className="warning-text"> · a source failed</span>}
      </td>
      <td className="small">
        {character.lastWeek.unlockedSlots === 0 ? (
          <span className="muted">—</span>
        ) : character.lastWeek.opened ? (
          <span className="muted">Opened</span>
        ) : (
          <span className="vault-ready">
            <span className="ready-badge" data-testid="vault-ready">Vault ready ({character.lastWeek.unlockedSlots}){character.lastWeek.waiting === 'maybe-opened' ? '?' : ''}</span>
            {character.lastWeek.waiting !== 'none' && character.lastWeek.waiting !== 'unknown' && (
              <span className="muted small" data-testid="vault-waiting">{VAULT_WAITING_TEXT[character.lastWeek.waiting]}</span>
            )}
            <button type="button" className="ghost small-button" onClick={() => void markVaultOpened(character.id)}>
              Mark as opened
            </button>
          </span>
        )}
      </td>
    </tr>
  )
}

/** A row in the table: three compact slots, "≥" when partial, or "Unknown" with why. */
function RowCell({ kind, slots, trust }: { kind: RowKind; slots: readonly Slot[]; trust: RowTrust }): ReactNode {
  return (
    <td className={`row-cell row-${trust.status}`} data-testid={`${kind}-row`} data-status={trust.status} title={trust.reasons.join('\n') || undefined}>
      {trust.status === 'unknown' ? (
        <span className="unknown-row">Unknown{trust.reasons[0] ? <span className="visually-hidden">: {trust.reasons[0]}</span> : null}</span>
      ) : (
        <span className="mini-slots">
          {trust.status === 'partial' && <span className="row-badge" aria-label="partial: may be missing some">≥</span>}
          {slots.map((slot) => (
            <VaultSlot key={slot.threshold} slot={slot} kind={kind} compact />
          ))}
        </span>
      )}
    </td>
  )
}

/** Why a character's data may be old: no sync for a day, or no logout since the reset (profile data is last week's). */
function staleness(character: CharacterOverview, now: number): string | null {
  if (character.lastSyncedAt === null || now - character.lastSyncedAt > DAY_MS) return 'Not synced for more than a day.'
  if (character.lastLoginAt !== null && character.lastLoginAt < character.week.start) return 'Not logged in since the reset: its Blizzard profile (World row, statistics) is still last week\'s.'
  return null
}

/** "Add character" opens a compact bar with the form; Escape closes it and gives focus back. */
function AddCharacterBar() {
  const addCharacter = useVault((s) => s.addCharacter)
  const navigate = useVault((s) => s.navigate)
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  const close = () => {
    setOpen(false)
    trigger.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
  }
  return (
    <div className="add-bar">
      <button ref={trigger} type="button" className="primary" aria-expanded={open} aria-controls="add-character-panel" onClick={() => (open ? close() : setOpen(true))}>
        {open ? 'Close' : 'Add a character'}
      </button>{' '}
      <button type="button" onClick={() => navigate({ name: 'import' })}>
        Import characters
      </button>
      {open && (
        <section id="add-character-panel" className="panel add-panel" aria-label="Track a character" onKeyDown={onKeyDown}>
          <AddCharacterForm onAdd={addCharacter} autoFocus />
        </section>
      )}
    </div>
  )
}
