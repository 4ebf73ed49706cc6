import type { BoardPreferences, BoardSort } from '../../../../shared/domain/board.ts'
import type { CharacterOverview } from '../../../../shared/ipc-api.ts'
import { REGIONS, type Region } from '../../../../shared/domain/types.ts'
import { teamCsv, teamRow } from '../../../../shared/domain/team-table.ts'
import './board-controls.css'

/** The sort keys the player picks by name (column headers sort too). */
const SORT_CHOICES: [BoardSort, string][] = [
  ['left', 'What is left'],
  ['lowestSlot', 'Lowest slot item level'],
  ['name', 'Name'],
  ['class', 'Class'],
  ['itemLevel', 'Item level'],
  ['rating', 'Rating'],
  ['raid', 'Raid'],
  ['dungeons', 'Dungeons'],
  ['world', 'World'],
  ['quests', 'Quests'],
  ['synced', 'Last sync'],
]

/**
 * What the board shows and how: region, realm and guild (choices from the characters themselves), the
 * sort, "hide finished", the density, and the CSV of what is shown. A filter appears once there is
 * something to choose between (or while one is set, so it can always be cleared).
 */
export function BoardControls({ characters, shown, preferences, onChange }: { characters: readonly CharacterOverview[]; shown: readonly CharacterOverview[]; preferences: BoardPreferences; onChange(patch: Partial<BoardPreferences>): void }) {
  const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b))
  const regions = distinct(characters.map((c) => c.region))
  const realms = distinct(characters.map((c) => c.realmName ?? c.realm))
  const guilds = distinct(characters.map((c) => c.guild?.name))
  const exportCsv = () => downloadText(`vault-companion-team-${new Date().toISOString().slice(0, 10)}.csv`, teamCsv(shown.map(teamRow)), 'text/csv')
  return (
    <form className="board-controls" aria-label="What the board shows" onSubmit={(e) => e.preventDefault()}>
      {(regions.length > 1 || preferences.region) && <FilterSelect label="Region" value={preferences.region} options={regions.map((r) => [r, r.toUpperCase()])} onChange={(region) => onChange({ region: isRegion(region) ? region : null })} />}
      {(realms.length > 1 || preferences.realm) && <FilterSelect label="Realm" value={preferences.realm} options={realms.map((r) => [r, r])} onChange={(realm) => onChange({ realm })} />}
      {(guilds.length > 0 || preferences.guild) && <FilterSelect label="Guild" value={preferences.guild} options={guilds.map((g) => [g, g])} onChange={(guild) => onChange({ guild })} />}
      <span className="field">
        <label htmlFor="board-sort">Sort by</label>
        <select id="board-sort" value={preferences.sort} onChange={(e) => onChange({ sort: e.target.value as BoardSort, reversed: false })}>
          {SORT_CHOICES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </span>
      <label className="board-check">
        <input type="checkbox" checked={preferences.hideFinished} onChange={(e) => onChange({ hideFinished: e.target.checked })} /> Hide finished
      </label>
      <label className="board-check">
        <input type="checkbox" checked={preferences.waitingOnly} onChange={(e) => onChange({ waitingOnly: e.target.checked })} /> Vaults waiting only
      </label>
      <span className="field">
        <label htmlFor="board-density">Rows</label>
        <select id="board-density" value={preferences.density} onChange={(e) => onChange({ density: e.target.value === 'comfortable' ? 'comfortable' : 'compact' })}>
          <option value="compact">Compact</option>
          <option value="comfortable">Comfortable</option>
        </select>
      </span>
      <span className="muted small" data-testid="shown-count">
        {shown.length} of {characters.length}
      </span>
      <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
        Export CSV
      </button>
    </form>
  )
}

const isRegion = (value: string | null): value is Region => value !== null && (REGIONS as readonly string[]).includes(value)

function FilterSelect({ label, value, options, onChange }: { label: string; value: string | null; options: [string, string][]; onChange: (value: string | null) => void }) {
  const id = `filter-${label.toLowerCase()}`
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      {/* "Filter by region" keeps it apart from the add form's own Region field for assistive technology. */}
      <select id={id} aria-label={`Filter by ${label.toLowerCase()}`} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
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
