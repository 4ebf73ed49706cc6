import { useState } from 'react'
import type { GameView } from '../../../../shared/ipc-api.ts'
import { RegionSelect } from '../../components/region-select.tsx'
import { useVault } from '../../state/store.ts'

/**
 * Characters played on this PC, from the game's own folders: no sign-in, no keys, no network. The
 * region is the one the game names, or the one picked here when it names none.
 */
export function ThisPcImport({ game, busy, onFind }: { game: GameView | null; busy: string | null; onFind: (region: string | undefined) => void }) {
  const navigate = useVault((s) => s.navigate)
  const [region, setRegion] = useState<string>(game?.region ?? 'us')
  const found = game?.folder ?? null
  return (
    <section className="panel" aria-labelledby="pc-import-heading">
      <h2 id="pc-import-heading">From this PC</h2>
      <p className="muted small">Every character ever played on this computer, from World of Warcraft's own folders. Nothing is sent anywhere and nothing in the game's folder is changed.</p>
      {found === null ? (
        <p className="warning-text" data-testid="pc-import-missing">
          {game?.message ?? 'Looking for the game…'}{' '}
          <a href="#/settings" onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
            Name its folder in Settings
          </a>
          .
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="pc-import-folder">
            Found in <code>{found}</code>: {game?.characters === 1 ? 'one character folder' : `${game?.characters ?? 0} character folders`}
            {game?.region ? `, region ${game.region.toUpperCase()} (from the game's settings)` : "; the game's settings do not name the region, so pick it"}.
          </p>
          <div className="form-row">
            {!game?.region && <RegionSelect id="pc-region" value={region} onChange={setRegion} disabled={busy !== null} />}
            <button type="button" className="primary" onClick={() => onFind(game?.region ? undefined : region)} disabled={busy !== null}>
              List characters played here
            </button>
          </div>
        </>
      )}
    </section>
  )
}
