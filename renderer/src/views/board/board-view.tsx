import { useCallback, useMemo } from 'react'
import { isFinished, vaultWaits, type BoardPreferences, type BoardSort } from '../../../../shared/domain/board.ts'
import { matchesTeamFilter } from '../../../../shared/domain/team-table.ts'
import { AddCharacterBar } from '../../components/add-character-bar.tsx'
import { MarkLegend } from '../../components/marks.tsx'
import { SeasonNotice } from '../../components/season-notice.tsx'
import { useVault } from '../../state/store.ts'
import { useNow } from '../../use-now.ts'
import { usePageHeading } from '../../use-page-heading.ts'
import { Welcome } from '../welcome.tsx'
import { BoardControls } from './board-controls.tsx'
import { BoardHeader } from './board-header.tsx'
import { BoardTable } from './board-table.tsx'
import { OutageBanner } from './outage-banner.tsx'
import './board-view.css'

/**
 * The board a player opens every day: who still needs what before the reset, and which vaults wait.
 * One line per character; the sort, the filters and the density are the player's and survive
 * navigation and restarts (the store keeps them, main stores them).
 */
export function BoardView() {
  const characters = useVault((s) => s.characters)
  const announcement = useVault((s) => s.announcement)
  const preferences = useVault((s) => s.board)
  const setBoard = useVault((s) => s.setBoard)
  const navigate = useVault((s) => s.navigate)
  const markVaultOpened = useVault((s) => s.markVaultOpened)
  const heading = usePageHeading('Characters')
  const now = useNow()
  const all = useMemo(() => (characters.state === 'ready' ? characters.value : []), [characters])
  const filtered = useMemo(() => all.filter((c) => matchesTeamFilter(c, { region: preferences.region ?? undefined, realm: preferences.realm ?? undefined, guild: preferences.guild ?? undefined })), [all, preferences.region, preferences.realm, preferences.guild])
  const shown = useMemo(() => filtered.filter((c) => (!preferences.hideFinished || !isFinished(c)) && (!preferences.waitingOnly || vaultWaits(c))), [filtered, preferences.hideFinished, preferences.waitingOnly])
  const onSort = useCallback((sort: BoardSort) => setBoard(sort === preferences.sort ? { reversed: !preferences.reversed } : { sort, reversed: false }), [setBoard, preferences.sort, preferences.reversed])
  const onOpen = useCallback((id: number) => navigate({ name: 'character', id }), [navigate])
  const onMarkOpened = useCallback((id: number) => void markVaultOpened(id), [markVaultOpened])
  const onChange = useCallback((patch: Partial<BoardPreferences>) => setBoard(patch), [setBoard])
  // One notice per distinct season problem (regions can be in different weeks), not one per character.
  const notices = [...new Map(filtered.filter((c) => c.season.message).map((c) => [c.season.message, c.season])).values()]

  return (
    <div className="board">
      <BoardHeader characters={all} shown={shown} now={now} headingRef={heading} actions={characters.state === 'ready' && all.length > 0 ? <AddCharacterBar /> : null} />
      {announcement && (
        <p role="status" className="ok-text announcement">
          {announcement}
        </p>
      )}
      {notices.map((season) => (
        <SeasonNotice key={season.message} season={season} />
      ))}
      {characters.state === 'loading' && <p className="muted">Loading your characters…</p>}
      {characters.state === 'failed' && <p className="muted">Your characters could not be loaded.</p>}
      {characters.state === 'ready' && all.length === 0 && <Welcome />}
      {characters.state === 'ready' && all.length > 0 && (
        <>
          {/* Past the header's and the controls' stops, straight to the first character (shown on focus). */}
          <a
            className="skip-link"
            href="#/"
            onClick={(e) => {
              e.preventDefault()
              document.querySelector<HTMLElement>('.board-table tbody a')?.focus()
            }}
          >
            Skip to the characters
          </a>
          <BoardControls characters={all} shown={shown} preferences={preferences} onChange={onChange} />
          <MarkLegend kinds={['unknown', 'partial', 'maybe', 'unconfirmed', 'oldLogout', 'failing']} />
          {shown.length === 0 ? (
            <p className="muted" data-testid="no-match">
              {filtered.length === 0 ? 'No character matches these filters.' : preferences.waitingOnly ? 'No vault is waiting for the characters shown.' : 'Every character shown has all nine slots: nothing is left this week.'}
            </p>
          ) : (
            <BoardTable characters={shown} preferences={preferences} showCrests={all.some((c) => c.crests.known)} showQuests={all.some((c) => c.quests.length > 0)} now={now} onSort={onSort} onOpen={onOpen} onMarkOpened={onMarkOpened} />
          )}
          <OutageBanner characters={all} />
        </>
      )}
    </div>
  )
}
