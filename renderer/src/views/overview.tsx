import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { RowTrust } from '../../../shared/domain/row-status.ts'
import type { VaultSlot as Slot } from '../../../shared/domain/types.ts'
import type { CharacterOverview } from '../../../shared/ipc-api.ts'
import { crestText } from '../../../shared/domain/crests.ts'
import { matchesTeamFilter, teamCsv, teamRow, type TeamFilter } from '../../../shared/domain/team-table.ts'
import { VAULT_WAITING_TEXT } from '../../../shared/domain/vault-waiting.ts'
import { QUEST_STATE_LABELS, questTally } from '../../../shared/domain/weekly-quests.ts'
import { AddCharacterForm } from '../components/add-character-form.tsx'
import { classCss, relativeTime } from '../components/format.ts'
import { SeasonNotice } from '../components/season-notice.tsx'
import { VaultSlot, type RowKind } from '../components/vault-slot.tsx'
import { usePageHeading } from '../use-page-heading.ts'
import { useNow } from '../use-now.ts'
import { useVault } from '../state/store.ts'
import { Welcome } from './welcome.tsx'

type SortKey = 'name' | 'class' | 'itemLevel' | 'rating' | 'raid' | 'dungeons' | 'world' | 'quests' | 'synced'
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
  // Most done first; a character whose quests are unknown goes after every known count.
  quests: (a, b) => questScore(b) - questScore(a),
  synced: (a, b) => (b.lastSyncedAt ?? 0) - (a.lastSyncedAt ?? 0),
}

/** Names sort A–Z first; numbers (item level, progress, last sync) highest or newest first. */
const NATURALLY_DESCENDING = new Set<SortKey>(['itemLevel', 'rating', 'raid', 'dungeons', 'world', 'quests', 'synced'])

const questScore = (c: CharacterOverview) => {
  const tally = questTally(c.quests)
  return tally.total === 0 || !tally.complete ? -1 : tally.done
}

/**
 * Every tracked character in one sortable table (the team view): the three rows, item level, rating,
 * crests and tracked quests, what is stale, which vaults wait to be opened; filtered by region, realm
 * or guild, and exported as CSV (the same file as the CLI's `team --csv`).
 */
export function Overview() {
  const characters = useVault((s) => s.characters)
  const announcement = useVault((s) => s.announcement)
  const heading = usePageHeading('Characters')
  // `reversed`: the second click on a column flips its natural order.
  const [sort, setSort] = useState<{ key: SortKey; reversed: boolean }>({ key: 'name', reversed: false })
  const [filter, setFilter] = useState<TeamFilter>({})
  const all = characters.state === 'ready' ? characters.value : []
  const list = all.filter((c) => matchesTeamFilter(c, filter))
  const sorted = [...list].sort((a, b) => (sort.reversed ? -1 : 1) * SORTS[sort.key](a, b))
  const showCrests = all.some((c) => c.crests.known)
  const showQuests = all.some((c) => c.quests.length > 0)
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
      {characters.state === 'ready' && all.length === 0 && <Welcome />}
      {characters.state === 'ready' && all.length > 0 && <TeamFilters characters={all} filter={filter} onChange={setFilter} shown={sorted} />}
      {characters.state === 'ready' && all.length > 0 && list.length === 0 && <p className="muted" data-testid="no-match">No character matches these filters.</p>}
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
              {showCrests && <th scope="col" className="plain-header">Crests</th>}
              {showQuests && <SortHeader label="Quests" column="quests" sort={sort} onSort={sortBy} />}
              <SortHeader label="Synced" column="synced" sort={sort} onSort={sortBy} />
              <th scope="col">Last week</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <CharacterRow key={c.id} character={c} showCrests={showCrests} showQuests={showQuests} />
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

/** Region, realm and guild choices from the tracked characters themselves, and the CSV export of what is shown. */
function TeamFilters({ characters, filter, onChange, shown }: { characters: readonly CharacterOverview[]; filter: TeamFilter; onChange: (f: TeamFilter) => void; shown: readonly CharacterOverview[] }) {
  const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b))
  const regions = distinct(characters.map((c) => c.region))
  const realms = distinct(characters.map((c) => c.realmName ?? c.realm))
  const guilds = distinct(characters.map((c) => c.guild?.name))
  const exportCsv = () => downloadText(`vault-companion-team-${new Date().toISOString().slice(0, 10)}.csv`, teamCsv(shown.map(teamRow)), 'text/csv')
  return (
    <form className="team-filters" aria-label="Filter the characters" onSubmit={(e) => e.preventDefault()}>
      <FilterSelect label="Region" value={filter.region} options={regions.map((r) => [r, r.toUpperCase()])} onChange={(region) => onChange({ ...filter, region })} />
      <FilterSelect label="Realm" value={filter.realm} options={realms.map((r) => [r, r])} onChange={(realm) => onChange({ ...filter, realm })} />
      {guilds.length > 0 && <FilterSelect label="Guild" value={filter.guild} options={guilds.map((g) => [g, g])} onChange={(guild) => onChange({ ...filter, guild })} />}
      <span className="muted small" data-testid="shown-count">
        {shown.length} of {characters.length}
      </span>
      <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
        Export CSV
      </button>
    </form>
  )
}

function FilterSelect({ label, value, options, onChange }: { label: string; value: string | undefined; options: [string, string][]; onChange: (value: string | undefined) => void }) {
  const id = `filter-${label.toLowerCase()}`
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      {/* "Filter by region" keeps it apart from the add form's own Region field for assistive technology. */}
      <select id={id} aria-label={`Filter by ${label.toLowerCase()}`} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  )
}

/** Saves a text the page made itself (the desktop app asks where; a browser downloads it). Nothing leaves the machine. */
function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // After the click has handed the file over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function CharacterRow({ character, showCrests, showQuests }: { character: CharacterOverview; showCrests: boolean; showQuests: boolean }) {
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
          {character.guild && <span data-testid="guild"> · &lt;{character.guild.name}&gt;</span>}
        </span>
      </th>
      <td className="small">{[character.specName, character.className].filter(Boolean).join(' ') || '—'}</td>
      <td className="numeric">{character.itemLevel ?? '—'}</td>
      <td className="numeric" data-testid="rating">{character.mythicRating === null ? '—' : Math.round(character.mythicRating)}</td>
      <RowCell kind="raid" slots={character.raid} trust={character.trust.raid} />
      <RowCell kind="dungeon" slots={character.dungeons} trust={character.trust.dungeons} />
      <RowCell kind="world" slots={character.world} trust={character.trust.world} />
      {showCrests && <CrestsCell character={character} />}
      {showQuests && <QuestsCell character={character} />}
      <td className="small">
        <span>{relativeTime(character.lastSyncedAt, now)}</span>
        {stale && <span className="stale" title={stale}> · stale</span>}
        {character.hasErrors && <span className="warning-text"> · a source failed</span>}
      </td>
      <td className="small">
        {character.lastWeek.unlockedSlots === null ? (
          <span className="muted" data-testid="last-week-unknown" title="No source could check last week's vault for this character">Unknown</span>
        ) : character.lastWeek.unlockedSlots === 0 ? (
          <span className="muted">—</span>
        ) : character.lastWeek.opened ? (
          <span className="muted">Opened</span>
        ) : (
          <span className="vault-ready">
            <span className="ready-badge" data-testid="vault-ready">Vault ready ({character.lastWeek.unlockedSlots}){character.lastWeek.waiting === 'waiting' ? '' : '?'}</span>
            {character.lastWeek.waiting !== 'none' && (
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

/** The season's crests read so far (highest kinds first), each with its week's gain and cap in the tooltip; "?" when none was read. */
function CrestsCell({ character }: { character: CharacterOverview }) {
  const { crests } = character
  const read = crests.kinds.filter((k) => k.total !== null).reverse()
  const details = [...crests.kinds.map((k) => `${k.name}: ${crestText(k)}`), ...(crests.note ? [crests.note] : [])].join('\n')
  return (
    <td className="small crests-cell" data-testid="crests" title={crests.known ? details : "No crest counters are known for this week's season."}>
      {!crests.known || read.length === 0 ? <span className="muted">?</span> : read.slice(0, 2).map((k) => <span key={k.name} className="crest">{k.name} {k.total}{k.weekGain ? <span className="muted"> (+{k.weekGain})</span> : null}</span>)}
    </td>
  )
}

/** Tracked quests done this week as "2/3", each quest's state and why in the tooltip; unknown ones make it "≥". */
function QuestsCell({ character }: { character: CharacterOverview }) {
  const { quests } = character
  const tally = questTally(quests)
  return (
    <td className="small" data-testid="quests" title={quests.map((q) => `${q.name}: ${QUEST_STATE_LABELS[q.state]}. ${q.reason}`).join('\n')}>
      <span className={!tally.complete ? 'muted' : tally.done === tally.total ? 'ok-text' : undefined}>{tally.text}</span>
      <span className="visually-hidden"> quests done: {quests.map((q) => `${q.name} ${QUEST_STATE_LABELS[q.state]}`).join(', ')}</span>
    </td>
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
