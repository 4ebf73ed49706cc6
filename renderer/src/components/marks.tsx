import './marks.css'

/**
 * The window's one notation for what is not a plain fact: each mark is a glyph with a name screen
 * readers read (role="img" and a label: a plain span's aria-label would be ignored), explained once in
 * the board's legend. "Unknown" is always this "?", never a dash or a word in one place and a glyph in
 * another; a dash means "none".
 */
export const MARKS = {
  unknown: { glyph: '?', name: 'Unknown', legend: 'unknown (nobody could check)' },
  partial: { glyph: '+', name: 'At least', legend: 'at least (more may be missing)' },
  maybe: { glyph: '~', name: 'Maybe opened', legend: 'vault maybe opened' },
  unconfirmed: { glyph: '*', name: 'Unconfirmed', legend: 'unconfirmed value' },
  oldLogout: { glyph: '◷', name: 'Not logged out since the reset', legend: "not logged out since the reset (Blizzard's figures are last week's)" },
  failing: { glyph: '!', name: 'A source failed', legend: 'a source did not answer' },
} as const
export type MarkKind = keyof typeof MARKS

/** One mark; `detail` says why ("Unknown: Blizzard did not answer"), in the name and the tooltip. */
export function Mark({ kind, detail, testId }: { kind: MarkKind; detail?: string; testId?: string }) {
  const { glyph, name } = MARKS[kind]
  const label = detail ? `${name}: ${detail}` : name
  return (
    <span role="img" aria-label={label} title={label} className={`mark mark-${kind}`} data-testid={testId}>
      {glyph}
    </span>
  )
}

/** The marks explained, in a line (under the board). */
export function MarkLegend({ kinds }: { kinds: readonly MarkKind[] }) {
  return (
    <p className="mark-legend small muted" data-testid="legend">
      {kinds.map((kind) => (
        <span key={kind} className="mark-legend-entry">
          <span className={`mark mark-${kind}`} aria-hidden="true">
            {MARKS[kind].glyph}
          </span>{' '}
          {MARKS[kind].legend}
        </span>
      ))}
    </p>
  )
}
