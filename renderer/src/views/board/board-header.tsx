import type { Ref } from 'react'
import { boardSummary, resetsByRegion, summaryText } from '../../../../shared/domain/board.ts'
import type { CharacterOverview } from '../../../../shared/ipc-api.ts'
import { duration } from '../../components/format.ts'
import './board-header.css'

/**
 * The board's head: the title, when each region present resets ("Reset in 1 d 4 h", the region named
 * where there are several) and what is left this week, in one line, for the characters shown.
 */
export function BoardHeader({ characters, shown, now, headingRef, actions }: { characters: readonly CharacterOverview[]; shown: readonly CharacterOverview[]; now: number; headingRef: Ref<HTMLHeadingElement>; actions: React.ReactNode }) {
  const resets = resetsByRegion(characters)
  return (
    <div className="board-header">
      <div className="board-title">
        <h1 ref={headingRef} tabIndex={-1}>
          Characters
        </h1>
        {resets.length > 0 && (
          <p className="board-resets" data-testid="reset-countdown">
            Reset in{' '}
            {resets.map((r, i) => (
              <span key={r.region} className="board-reset" title={new Date(r.at).toLocaleString('en', { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' })}>
                {i > 0 ? ' · ' : ''}
                <strong>{duration(r.at - now)}</strong>
                {resets.length > 1 ? ` (${r.region.toUpperCase()})` : ''}
              </span>
            ))}
          </p>
        )}
        <div className="board-actions">{actions}</div>
      </div>
      {shown.length > 0 && (
        <p className="board-summary" data-testid="summary">
          {summaryText(boardSummary(shown))}
        </p>
      )}
    </div>
  )
}
