import { useState } from 'react'
import { outages } from '../../../../shared/domain/outages.ts'
import type { CharacterOverview } from '../../../../shared/ipc-api.ts'
import { clock } from '../../components/format.ts'
import './outage-banner.css'

/**
 * A source that is not answering, named, one line per source: since when, what the rows show meanwhile,
 * and the next try; what it said (codes, addresses) behind Details. It sits under the table, which
 * fills the window, so it never pushes the board down when a sync ends; Hide puts it away until the
 * outages change.
 */
export function OutageBanner({ characters }: { characters: readonly CharacterOverview[] }) {
  const lines = outages(characters)
  const key = lines.map((o) => `${o.source}:${o.characters}`).join(',')
  const [hidden, setHidden] = useState<string | null>(null)
  if (lines.length === 0 || hidden === key) return null
  return (
    <section className="outage-banner" role="status" aria-label="Sources not answering" data-testid="outage-banner">
      <ul>
        {lines.map((o) => (
          <li key={o.source} data-testid={`outage-${o.source}`}>
            <strong>{o.headline}</strong>
            {o.since !== null ? ` since ${clock(o.since)}` : ''}: {o.effect}
            {o.nextTry !== null ? `; next try ${clock(o.nextTry)}` : ''}.{' '}
            <span className="muted">
              ({o.characters} {o.characters === 1 ? 'character' : 'characters'})
            </span>{' '}
            <details>
              <summary>Details</summary>
              <ul className="small muted">
                {o.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <button type="button" className="ghost small-button" onClick={() => setHidden(key)}>
        Hide
      </button>
    </section>
  )
}
