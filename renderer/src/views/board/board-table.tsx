import { memo, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { columnPinningFeature, columnVisibilityFeature, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortingState } from '@tanstack/react-table'
import { lowestSlotItemLevel, slotsLeft, totalLeft, type BoardPreferences, type BoardSort } from '../../../../shared/domain/board.ts'
import type { CharacterOverview } from '../../../../shared/ipc-api.ts'
import type { VaultRow } from '../../../../shared/domain/types.ts'
import { questTally } from '../../../../shared/domain/weekly-quests.ts'
import { CharacterCell, CrestsCell, loggedOutBeforeReset, NextCell, NumberCell, QuestsCell, ratingGoals, SlotsCell, SyncedCell, WhereCell } from './board-cells.tsx'
import './board-table.css'

/**
 * The board's table: one line per character, the header and the character column frozen while the
 * table scrolls (both are sticky inside the table's own scroll box). TanStack Table keeps the sort
 * (one key from the player's preferences, then the name); TanStack Virtual renders only the lines in
 * view (and a few around them), because laying out and painting every line of 120 took Chromium
 * ~200 ms per sort (bench/window.bench.ts); each line is a memoised component, so a new sort moves
 * lines instead of building them again. Screen readers still hear the whole count (aria-rowcount).
 */

/** A line's height in pixels at each density (board-table.css gives the cells exactly this). */
const LINE_HEIGHT = { compact: 32, comfortable: 44 } as const

const features = tableFeatures({ rowSortingFeature, columnPinningFeature, columnVisibilityFeature, sortedRowModel: createSortedRowModel() })

type Compare = (a: CharacterOverview, b: CharacterOverview) => number
const byNumber = (value: (c: CharacterOverview) => number | null, missing: number): Compare => (a, b) => (value(a) ?? missing) - (value(b) ?? missing)
const rowScore = (row: VaultRow) => (c: CharacterOverview) => (c.trust[row].status === 'unknown' ? null : -slotsLeft(c, row) * 100 + c[row].reduce((sum, s) => sum + s.progress, 0) + Math.max(0, ...c[row].map((s) => s.itemLevel ?? 0)) / 1000)
const questScore = (c: CharacterOverview) => {
  const tally = questTally(c.quests)
  return tally.total === 0 || !tally.complete ? null : tally.done
}

/** Every sort key's comparison in its natural order (names A–Z, numbers highest first is `descFirst`). */
const SORTS: Record<BoardSort, { compare: Compare; descFirst: boolean; header?: string }> = {
  // Most slots still locked first: who needs what before the reset. Unknown rows count as locked.
  left: { compare: byNumber(totalLeft, 0), descFirst: true },
  // The weakest slot first (a locked slot pays nothing); characters with an unknown row after the rest.
  lowestSlot: { compare: byNumber(lowestSlotItemLevel, Infinity), descFirst: false },
  name: { compare: (a, b) => a.name.localeCompare(b.name), descFirst: false },
  class: { compare: (a, b) => (a.className ?? '~').localeCompare(b.className ?? '~'), descFirst: false },
  itemLevel: { compare: byNumber((c) => c.itemLevel, -1), descFirst: true },
  rating: { compare: byNumber((c) => c.mythicRating, -1), descFirst: true },
  raid: { compare: byNumber(rowScore('raid'), -Infinity), descFirst: true },
  dungeons: { compare: byNumber(rowScore('dungeons'), -Infinity), descFirst: true },
  world: { compare: byNumber(rowScore('world'), -Infinity), descFirst: true },
  quests: { compare: byNumber(questScore, -1), descFirst: true },
  synced: { compare: byNumber((c) => c.lastSyncedAt, 0), descFirst: true },
}

/** Whether a sort key runs highest first, given the player's "reversed". */
export function sortsDescending(sort: BoardSort, reversed: boolean): boolean {
  return SORTS[sort].descFirst !== reversed
}

interface Column {
  id: BoardSort | 'crests' | 'where'
  header: string
  /** The key a click on the header sorts by (none: not sortable). */
  sort?: BoardSort
  className?: string
}

const COLUMNS: readonly Column[] = [
  { id: 'name', header: 'Character', sort: 'name', className: 'board-character' },
  { id: 'raid', header: 'Raid', sort: 'raid' },
  { id: 'dungeons', header: 'Dungeons', sort: 'dungeons' },
  { id: 'world', header: 'World', sort: 'world' },
  { id: 'left', header: 'Next', sort: 'left', className: 'board-next' },
  { id: 'itemLevel', header: 'Item level', sort: 'itemLevel', className: 'numeric' },
  { id: 'rating', header: 'Rating', sort: 'rating', className: 'numeric' },
  { id: 'crests', header: 'Crests' },
  { id: 'quests', header: 'Quests', sort: 'quests', className: 'numeric' },
  { id: 'where', header: 'Guild · realm' },
  { id: 'synced', header: 'Synced', sort: 'synced' },
]

/** Column definitions for TanStack: the shown columns, and the sort keys no column shows (class, the lowest slot). */
const HIDDEN_SORTS: readonly Column[] = [
  { id: 'class', header: 'Class', sort: 'class' },
  { id: 'lowestSlot', header: 'Lowest slot', sort: 'lowestSlot' },
]
const columnDefs: ColumnDef<typeof features, CharacterOverview>[] = [...COLUMNS, ...HIDDEN_SORTS].map((column) => ({
  id: column.id,
  header: column.header,
  accessorFn: (c: CharacterOverview) => c.id,
  enableSorting: column.sort !== undefined,
  sortFn: column.sort ? (a, b) => SORTS[column.sort as BoardSort].compare(a.original, b.original) : undefined,
}))
const columnOf = (id: string) => [...COLUMNS, ...HIDDEN_SORTS].find((c) => c.id === id) as Column

export interface BoardTableProps {
  characters: readonly CharacterOverview[]
  preferences: Pick<BoardPreferences, 'sort' | 'reversed' | 'density'>
  showCrests: boolean
  showQuests: boolean
  now: number
  onSort(sort: BoardSort): void
  onOpen(characterId: number): void
  onMarkOpened(characterId: number): void
}

export function BoardTable({ characters, preferences, showCrests, showQuests, now, onSort, onOpen, onMarkOpened }: BoardTableProps) {
  const sorting = useMemo<SortingState>(() => {
    const primary = { id: preferences.sort, desc: sortsDescending(preferences.sort, preferences.reversed) }
    return preferences.sort === 'name' ? [primary] : [primary, { id: 'name', desc: false }]
  }, [preferences.sort, preferences.reversed])
  const data = useMemo(() => [...characters], [characters])
  const table = useTable({
    features,
    columns: columnDefs,
    data,
    getRowId: (c) => String(c.id),
    state: { sorting, columnPinning: { start: ['name'], end: [] }, columnVisibility: { class: false, lowestSlot: false, crests: showCrests, quests: showQuests } },
    enableMultiSort: true,
  })
  const descending = sortsDescending(preferences.sort, preferences.reversed)
  const scroller = useRef<HTMLDivElement>(null)
  const lines = table.getRowModel().rows
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT[preferences.density],
    overscan: 4,
    // Before the box is measured, assume it fills the window: the first paint already shows full lines.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  })
  const shown = virtualizer.getVirtualItems()
  const above = shown[0]?.start ?? 0
  const below = virtualizer.getTotalSize() - (shown.at(-1)?.end ?? 0)
  return (
    <div ref={scroller} className={`board-scroll density-${preferences.density}`} data-testid="board-scroll">
      <table className="board-table" aria-label="Tracked characters" aria-rowcount={lines.length + 1}>
        <thead>
          <tr>
            {table.getHeaderGroups()[0]?.headers.map((header) => {
              const column = columnOf(header.column.id)
              const active = column.sort !== undefined && column.sort === preferences.sort
              // The pinned column stays in view when the table scrolls sideways (sticky, board-table.css).
              const pinned = header.column.getIsPinned() ? 'pinned' : ''
              return (
                <th key={header.id} scope="col" className={`col-${column.id} ${column.className ?? ''} ${pinned}`} aria-sort={active ? (descending ? 'descending' : 'ascending') : column.sort ? 'none' : undefined}>
                  {column.sort ? (
                    <button type="button" className="sort" onClick={() => onSort(column.sort as BoardSort)}>
                      {column.header}
                      <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {/* The lines out of view, as empty space of their height (set through the DOM, which the CSP allows). */}
          {above > 0 && <tr className="board-spacer" aria-hidden="true" style={{ height: above }} />}
          {shown.map((item) => {
            const line = lines[item.index]!
            return <BoardLine key={line.id} index={item.index} character={line.original} showCrests={showCrests} showQuests={showQuests} now={now} onOpen={onOpen} onMarkOpened={onMarkOpened} />
          })}
          {below > 0 && <tr className="board-spacer" aria-hidden="true" style={{ height: below }} />}
        </tbody>
      </table>
    </div>
  )
}

interface LineProps {
  /** Its place in the sorted list (aria-rowindex counts the header as 1). */
  index: number
  character: CharacterOverview
  showCrests: boolean
  showQuests: boolean
  now: number
  onOpen(characterId: number): void
  onMarkOpened(characterId: number): void
}

/** One character's line. Memoised: the store replaces only the overviews a sync changed. */
const BoardLine = memo(function BoardLine({ index, character, showCrests, showQuests, now, onOpen, onMarkOpened }: LineProps) {
  const oldLogout = loggedOutBeforeReset(character)
  return (
    <tr data-testid="character" aria-rowindex={index + 2}>
      <CharacterCell character={character} onOpen={() => onOpen(character.id)} onMarkOpened={() => onMarkOpened(character.id)} />
      <SlotsCell row="raid" slots={character.raid} trust={character.trust.raid} />
      <SlotsCell row="dungeons" slots={character.dungeons} trust={character.trust.dungeons} />
      <SlotsCell row="world" slots={character.world} trust={character.trust.world} oldLogout={oldLogout} />
      <NextCell character={character} />
      <NumberCell value={character.itemLevel} what="item level" testId="item-level" />
      <NumberCell value={character.mythicRating} what="Mythic+ rating" testId="rating" title={ratingGoals(character)} />
      {showCrests && <CrestsCell character={character} oldLogout={oldLogout} />}
      {showQuests && <QuestsCell character={character} oldLogout={oldLogout} />}
      <WhereCell character={character} />
      <SyncedCell character={character} now={now} />
    </tr>
  )
})
