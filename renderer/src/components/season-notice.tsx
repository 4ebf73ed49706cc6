import { tableSentence, type SeasonView } from '../../../shared/domain/season-view.ts'
import type { UpdateStatus } from '../../../shared/ipc-api.ts'
import { useVault } from '../state/store.ts'

/** Where the player gets the version that knows the season, by the state of the app's own updater. */
export function updateHint(update: UpdateStatus): string {
  switch (update.state) {
    case 'ready':
      return `Version ${update.version} is downloaded: it installs when you quit Vault Companion.`
    case 'downloading':
      return `Version ${update.version} is downloading; it installs when you quit Vault Companion.`
    case 'checking':
      return 'Checking for a newer version…'
    case 'idle':
      return 'No newer version is out yet: the app checks at start and daily (Help → Check for Updates asks now).'
    case 'error':
    case 'off':
      return 'Automatic updates are off or failed: turn on "Keep up to date" in Settings, or install the newest release yourself.'
  }
}

function title(season: SeasonView): string {
  if (season.status === 'between-seasons') return 'Between seasons'
  if (season.status === 'unknown') return 'Season unknown'
  return `${season.name ?? 'This season'}: rewards unknown`
}

/**
 * Why no rewards are shown for a week: a season this version has no table for (with where the update
 * stands), between seasons, or a season nobody has named yet. Nothing when the week's table is known.
 */
export function SeasonNotice({ season }: { season: SeasonView }) {
  const update = useVault((s) => s.update)
  if (!season.message) return null
  const needsUpdate = season.status === 'in-season' || season.status === 'pre-season'
  return (
    <div role="status" className="warning-banner season-notice" data-testid="season-notice">
      <div>
        <strong>{title(season)}</strong>
        <p>{season.message}</p>
        {needsUpdate && <p data-testid="season-update-hint">{updateHint(update)}</p>}
      </div>
    </div>
  )
}

/** Which table priced the week's slots (null when none did). */
export function seasonTableText(season: SeasonView): string | null {
  return season.table ? tableSentence(season.table) : null
}
