import type { ReactNode } from 'react'
import { SOURCE_IDS, type SourceId } from '../../../shared/domain/types.ts'
import type { CharacterVaultView, WeekVaultView } from '../../../shared/ipc-api.ts'
import { SourceBadges } from '../components/badges.tsx'
import { ConfirmButton } from '../components/confirm-button.tsx'
import { ErrorBanner } from '../components/error-banner.tsx'
import { clock, timeAgo, DIFFICULTY_LABELS, difficultyClass, duration, levelLabel, SOURCE_LABELS, when } from '../components/format.ts'
import { VaultRow } from '../components/vault-slot.tsx'
import { useNow } from '../use-now.ts'
import { useVault } from '../state/store.ts'

/** One character's vault: last week's (ready to open), this week's rows, evidence and source status. */
export function CharacterView({ id }: { id: number }) {
  const view = useVault((s) => s.vaults[id])
  const navigate = useVault((s) => s.navigate)
  if (!view || view.state === 'loading') return <p className="muted">Loading the vault…</p>
  if (view.state === 'failed') {
    return (
      <div>
        <ErrorBanner error={view.error} />
        <button type="button" className="ghost" onClick={() => navigate({ name: 'overview' })}>
          ← All characters
        </button>
      </div>
    )
  }
  return <VaultDetails view={view.value} />
}

/** Exported for component tests. */
export function VaultDetails({ view }: { view: CharacterVaultView }) {
  const { character, current, previous } = view
  const navigate = useVault((s) => s.navigate)
  const syncNow = useVault((s) => s.syncNow)
  const removeCharacter = useVault((s) => s.removeCharacter)
  const sync = useVault((s) => s.sync)
  const now = useNow()
  const readyToOpen = [...previous.raid.slots, ...previous.dungeons.slots, ...previous.world.slots].some((s) => s.unlocked)
  return (
    <article className="character-view" aria-labelledby="character-heading">
      <nav>
        <a href="#/" onClick={(e) => { e.preventDefault(); navigate({ name: 'overview' }) }}>
          ← All characters
        </a>
      </nav>
      <header className="character-header">
        <div>
          <h2 id="character-heading">{character.name}</h2>
          <p className="muted">
            {character.realm} · {character.region.toUpperCase()}
            {character.className ? ` · ${[character.specName, character.className].filter(Boolean).join(' ')}` : ''}
            {character.itemLevel ? ` · ilvl ${character.itemLevel}` : ''}
          </p>
        </div>
        <div className="character-actions">
          <span className="muted small" data-testid="last-synced">Last synced {timeAgo(current.syncedAt, now)}</span>
          <span className="muted small" data-testid="reset-countdown">Reset in {duration(current.week.end - now)}</span>
          <button type="button" className="primary" onClick={() => void syncNow(character.id)} disabled={sync.running}>
            {sync.running ? `Syncing… ${sync.done}/${sync.total}` : 'Sync now'}
          </button>
        </div>
      </header>
      {view.warnings.map((w) => (
        <p key={w} className="warning-text">{w}</p>
      ))}

      {readyToOpen && (
        <section className="panel ready" aria-labelledby="ready-heading" data-testid="ready-to-open">
          <h3 id="ready-heading">Last week's vault is ready to open</h3>
          <VaultRow title="Raid" slots={previous.raid.slots} kind="raid" trust={previous.trust.raid} />
          <VaultRow title="Dungeons" slots={previous.dungeons.slots} kind="dungeon" trust={previous.trust.dungeons} />
          <VaultRow title="World" slots={previous.world.slots} kind="world" trust={previous.trust.world} />
        </section>
      )}

      <section className="panel" aria-labelledby="week-heading">
        <h3 id="week-heading">This week's vault</h3>
        <p className="muted small">
          {when(current.week.start)} → {when(current.week.end)}
        </p>
        <VaultRow title="Raid" slots={current.raid.slots} kind="raid" trust={current.trust.raid} action={rowAction(view, ['blizzard', 'warcraftlogs'])} />
        <VaultRow title="Dungeons" slots={current.dungeons.slots} kind="dungeon" trust={current.trust.dungeons} action={rowAction(view, ['raiderio', 'blizzard'])} />
        <VaultRow title="World" slots={current.world.slots} kind="world" trust={current.trust.world} action={rowAction(view, ['blizzard'])} />
      </section>

      <div className="two-columns">
        <BossList week={current} />
        <RunList week={current} />
      </div>
      <WorldList week={current} />

      <section className="panel" aria-labelledby="sources-heading">
        <h3 id="sources-heading">Sources</h3>
        <ul className="source-list">
          {SOURCE_IDS.map((source) => {
            const status = view.sources[source]
            return (
              <li key={source} data-testid={`source-${source}`} className={`source source-${status.status}`}>
                <span className="source-name">{SOURCE_LABELS[source]}</span>
                <span className="source-status">{status.status === 'not_configured' ? 'not configured' : status.status === 'skipped' ? 'not synced yet' : status.status}</span>
                <span className="muted small">{status.syncedAt ? `synced ${timeAgo(status.syncedAt, now)}` : ''}</span>
                {status.error && <span className="source-error">{status.error.message}</span>}
                {status.status === 'not_configured' && (
                  <a href="#/settings" onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
                    Add credentials
                  </a>
                )}
              </li>
            )
          })}
        </ul>
      </section>

      <footer className="danger-zone">
        <ConfirmButton label="Stop tracking" confirmLabel={`Remove ${character.name} and its history`} onConfirm={() => void removeCharacter(character.id)} />
      </footer>
    </article>
  )
}

/** What the player can do about a row that is not complete (add credentials, wait for the retry), or null. */
function rowAction(view: CharacterVaultView, sources: SourceId[]): ReactNode {
  const missing = sources.filter((s) => view.sources[s].status === 'not_configured')
  const retryAt = sources.some((s) => view.sources[s].status === 'error') ? view.character.nextSyncAt : null
  if (missing.length === 0 && retryAt === null) return null
  return (
    <>
      {missing.length > 0 && <SettingsLink label={`Add ${missing.map((s) => SOURCE_LABELS[s]).join(' or ')} credentials in Settings`} />}
      {retryAt !== null && <span className="muted small"> Retrying at {clock(retryAt)}.</span>}
    </>
  )
}

function SettingsLink({ label }: { label: string }) {
  const navigate = useVault((s) => s.navigate)
  return (
    <a href="#/settings" onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
      {label}
    </a>
  )
}

function BossList({ week }: { week: WeekVaultView }) {
  return (
    <section className="panel" aria-labelledby="bosses-heading">
      <h3 id="bosses-heading">Bosses this week</h3>
      {week.raid.bosses.length === 0 ? (
        <p className="muted">No boss kills seen since the reset.</p>
      ) : (
        <ul className="evidence-list">
          {week.raid.bosses.map((boss) => (
            <li key={boss.name} data-testid="boss">
              <span className={`difficulty-pill ${difficultyClass(boss.difficulty)}`}>{DIFFICULTY_LABELS[boss.difficulty]}</span>
              <span className="evidence-name">{boss.name}</span>
              {boss.parsePercent !== null && <span className="parse" title="Best Warcraft Logs parse">{Math.round(boss.parsePercent)}%</span>}
              <SourceBadges sources={boss.sources} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function RunList({ week }: { week: WeekVaultView }) {
  return (
    <section className="panel" aria-labelledby="runs-heading">
      <h3 id="runs-heading">Dungeons this week</h3>
      {week.dungeons.runs.length === 0 ? (
        <p className="muted">No dungeon runs seen since the reset.</p>
      ) : (
        <ul className="evidence-list">
          {week.dungeons.runs.map((run) => (
            <li key={`${run.dungeon}-${run.completedAt}`} data-testid="run">
              <span className="key-level">{levelLabel(run.level)}</span>
              <span className="evidence-name">{run.dungeon}</span>
              <span className="muted small">
                {run.kind ? (run.kind === 'heroic' ? 'from Blizzard\'s Heroic count' : 'from Blizzard\'s Mythic count') : when(run.completedAt)}
                {run.timed === false ? ' · over time' : ''}
              </span>
              <SourceBadges sources={run.sources} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Delves by tier, Prey hunts and world activities: what fills the World row. */
function WorldList({ week }: { week: WeekVaultView }) {
  const { activities } = week.world
  return (
    <section className="panel" aria-labelledby="world-heading">
      <h3 id="world-heading">World this week</h3>
      {activities.length === 0 ? (
        <p className="muted">No delves, Prey hunts or world activities seen since the reset.</p>
      ) : (
        <ul className="evidence-list">
          {activities.map((activity) => (
            <li key={`${activity.kind}-${activity.name}`} data-testid="activity">
              <span className="key-level">{activity.count} ×</span>
              <span className="evidence-name">{activity.name}</span>
              <span className="muted small">tier {activity.tier}</span>
              <SourceBadges sources={activity.sources} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
