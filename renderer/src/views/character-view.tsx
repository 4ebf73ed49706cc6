import type { ReactNode } from 'react'
import { SOURCE_IDS, type SourceId } from '../../../shared/domain/types.ts'
import type { CharacterVaultView, WeekVaultView } from '../../../shared/ipc-api.ts'
import { SourceBadges } from '../components/badges.tsx'
import { ConfirmButton } from '../components/confirm-button.tsx'
import { ErrorBanner } from '../components/error-banner.tsx'
import { classCss, clock, dayLabel, relativeTime, DIFFICULTY_LABELS, difficultyClass, duration, levelLabel, SOURCE_LABELS, when } from '../components/format.ts'
import { syncProgressText, utcTime } from '../../../shared/domain/labels.ts'
import { bossKeyFromName } from '../../../shared/domain/merge.ts'
import { crestText } from '../../../shared/domain/crests.ts'
import { QUEST_STATE_LABELS } from '../../../shared/domain/weekly-quests.ts'
import { usePageHeading } from '../use-page-heading.ts'
import { SeasonNotice, seasonTableText } from '../components/season-notice.tsx'
import { VaultRow } from '../components/vault-slot.tsx'
import { Mark } from '../components/marks.tsx'
import { PlayerText } from '../components/player-text.tsx'
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
export function VaultDetails({ view: given }: { view: CharacterVaultView }) {
  const view = withoutSeasonRepeats(given)
  const { character, current, previous } = view
  const heading = usePageHeading(character.name)
  const navigate = useVault((s) => s.navigate)
  const syncNow = useVault((s) => s.syncNow)
  const removeCharacter = useVault((s) => s.removeCharacter)
  const markVaultOpened = useVault((s) => s.markVaultOpened)
  const sync = useVault((s) => s.sync)
  const now = useNow()
  const failing = SOURCE_IDS.filter((s) => view.sources[s].status === 'error')
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
          <h1 id="character-heading" ref={heading} tabIndex={-1} className={classCss(character.className)}>{character.name}</h1>
          <p className="muted">
            {character.realmName ?? character.realm} · {character.region.toUpperCase()}
            {character.className ? ` · ${[character.specName, character.className].filter(Boolean).join(' ')}` : ''}
            {character.itemLevel ? ` · ilvl ${character.itemLevel}` : ''}
          </p>
        </div>
        <div className="character-actions">
          <span className="muted small" data-testid="last-synced">
            Last synced {relativeTime(current.syncedAt, now)}
            {failing.length > 0 && <span className="warning-text"> · {failing.map((s) => SOURCE_LABELS[s]).join(', ')} failed</span>}
          </span>
          <span className="muted small" data-testid="reset-countdown">
            Reset in {duration(current.week.end - now)}: {when(current.week.end)} ({utcTime(current.week.end)})
          </span>
          <button type="button" className="primary" onClick={() => void syncNow(character.id)} disabled={sync.running}>
            {sync.running ? `${syncProgressText(sync)}…` : 'Sync now'}
          </button>
        </div>
      </header>
      {view.warnings.map((w) => (
        <p key={w} className="warning-text">{w}</p>
      ))}

      {readyToOpen && (
        <section className="panel ready" aria-labelledby="ready-heading" data-testid="ready-to-open">
          <div className="panel-title">
            <h2 id="ready-heading">{character.lastWeek.opened ? "Last week's vault (opened)" : "Last week's vault is ready to open"}</h2>
            {!character.lastWeek.opened && (
              <button type="button" className="ghost small-button" onClick={() => void markVaultOpened(character.id)}>
                Mark as opened
              </button>
            )}
          </div>
          <VaultRow title="Raid" slots={previous.raid.slots} kind="raid" trust={previous.trust.raid} closed />
          <VaultRow title="Dungeons" slots={previous.dungeons.slots} kind="dungeon" trust={previous.trust.dungeons} closed />
          <VaultRow title="World" slots={previous.world.slots} kind="world" trust={previous.trust.world} closed />
        </section>
      )}

      <section className="panel" aria-labelledby="week-heading">
        <h2 id="week-heading">This week's vault</h2>
        <p className="muted small">
          {when(current.week.start)} → {when(current.week.end)}
          {seasonTableText(current.season) && <span data-testid="season-table"> · {seasonTableText(current.season)}</span>}
        </p>
        <SeasonNotice season={current.season} />
        <VaultRow title="Raid" slots={current.raid.slots} kind="raid" trust={current.trust.raid} action={rowAction(view, ['blizzard', 'warcraftlogs'])} />
        <VaultRow title="Dungeons" slots={current.dungeons.slots} kind="dungeon" trust={current.trust.dungeons} action={rowAction(view, ['raiderio', 'blizzard'])} />
        <VaultRow title="World" slots={current.world.slots} kind="world" trust={current.trust.world} action={rowAction(view, ['blizzard'])} />
        <NextSteps week={current} />
      </section>

      <div className="two-columns">
        <BossList week={current} raids={view.raids} />
        <RunList week={current} />
      </div>
      <WorldList week={current} />
      <div className="two-columns">
        <CrestList character={view.character} />
        <QuestList character={view.character} />
      </div>
      <HistoryList history={view.history} trackedSince={character.trackedSince} />

      <section className="panel" aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <ul className="source-list">
          {SOURCE_IDS.map((source) => {
            const status = view.sources[source]
            return (
              <li key={source} data-testid={`source-${source}`} className={`source source-${status.status}`}>
                <span className="source-name">{SOURCE_LABELS[source]}</span>
                <span className="source-status">{status.status === 'not_configured' ? 'not configured' : status.status === 'skipped' ? 'not synced yet' : status.status}</span>
                <span className="muted small">
                  {status.status === 'not_configured' ? '' : status.syncedAt ? `synced ${relativeTime(status.syncedAt, now)}` : 'never synced'}
                  {source === 'blizzard' && character.lastLoginAt !== null ? ` · as of the last logout (last login ${relativeTime(character.lastLoginAt, now)})` : ''}
                  {source === 'blizzard' && status.unchangedSince ? ` · no login since the full read ${relativeTime(status.unchangedSince, now)}, so raids, keys and statistics are unchanged` : ''}
                  {source === 'raiderio' && character.raiderioCrawledAt !== null ? ` · crawled ${relativeTime(character.raiderioCrawledAt, now)}` : ''}
                </span>
                {status.error && (
                  <span className="source-error">
                    <PlayerText text={status.error.message} />
                  </span>
                )}
                {status.error?.code === 'AUTH_FAILED' && <SettingsLink label="Check the credentials in Settings" />}
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

/**
 * The season notice says once why no rewards are shown; main starts every row's reasons with the same
 * sentence (for the CLI and the JSON), which this view leaves out under the notice.
 */
function withoutSeasonRepeats(view: CharacterVaultView): CharacterVaultView {
  const strip = (week: WeekVaultView): WeekVaultView => {
    const notice = week.season.message
    if (!notice) return week
    const row = (trust: WeekVaultView['trust']['raid']) => ({ ...trust, reasons: trust.reasons.filter((r) => r !== notice) })
    return { ...week, trust: { raid: row(week.trust.raid), dungeons: row(week.trust.dungeons), world: row(week.trust.world) } }
  }
  return { ...view, current: strip(view.current), previous: strip(view.previous), warnings: view.warnings.filter((w) => w !== view.current.season.message) }
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

/** Bosses grouped by raid, with the ones not yet killed this week; kills outside the known raids last. */
function BossList({ week, raids }: { week: WeekVaultView; raids: CharacterVaultView['raids'] }) {
  // Matched by boss key, as the core matches them: sources spell names differently ("Fallen-King" / "Fallen King").
  const byKey = new Map(week.raid.bosses.map((b) => [bossKeyFromName(b.name), b]))
  const listed = new Set(raids.flatMap((r) => r.bosses.map((b) => bossKeyFromName(b.name))))
  const others = week.raid.bosses.filter((b) => !listed.has(bossKeyFromName(b.name)))
  // Nobody could check the raid this week: a boss not listed is unknown, never "not yet".
  const unknown = week.trust.raid.status === 'unknown'
  return (
    <section className="panel" aria-labelledby="bosses-heading">
      <h2 id="bosses-heading">Bosses this week</h2>
      {unknown && <UnknownNote reason={week.trust.raid.reasons[0]} what="Which bosses died this week" />}
      {!unknown && raids.length === 0 && week.raid.bosses.length === 0 && <p className="muted">No boss kills seen since the reset.</p>}
      {raids.map((raid) => (
        <div key={raid.name} className="raid-group">
          <h3>
            {raid.name} <span className="muted small">{raid.bosses.filter((b) => b.difficulty).length} of {raid.bosses.length}</span>
          </h3>
          <ul className="evidence-list">
            {raid.bosses.map((boss) => {
              const seen = byKey.get(bossKeyFromName(boss.name))
              return seen ? <BossItem key={boss.name} boss={seen} /> : (
                <li key={boss.name} className="not-killed" data-testid="boss-to-kill">
                  {unknown ? <Mark kind="unknown" detail="nobody could check this week" /> : <span className="difficulty-pill">not yet</span>}
                  <span className="evidence-name muted">{boss.name}</span>
                </li>
              )
            })}
          </ul>
        </div>
      ))}
      {others.length > 0 && (
        <ul className="evidence-list">
          {others.map((boss) => <BossItem key={boss.name} boss={boss} />)}
        </ul>
      )}
    </section>
  )
}

function BossItem({ boss }: { boss: WeekVaultView['raid']['bosses'][number] }) {
  return (
    <li data-testid="boss">
      <span className={`difficulty-pill ${difficultyClass(boss.difficulty)}`}>{DIFFICULTY_LABELS[boss.difficulty]}</span>
      <span className="evidence-name">{boss.name}</span>
      {boss.parsePercent !== null && <span className="parse" title="Best Warcraft Logs parse">{Math.round(boss.parsePercent)}%</span>}
      <SourceBadges sources={boss.sources} />
    </li>
  )
}

/** "What next" under the rows: the cheapest step to the next slot and to the next upgrade. */
function NextSteps({ week }: { week: WeekVaultView }) {
  const rows = [
    { title: 'Raid', steps: week.nextSteps.raid, trust: week.trust.raid },
    { title: 'Dungeons', steps: week.nextSteps.dungeons, trust: week.trust.dungeons },
    { title: 'World', steps: week.nextSteps.world, trust: week.trust.world },
  ]
  const hints = rows.filter((r) => r.trust.status !== 'unknown').flatMap((r) => [r.steps.unlock, r.steps.upgrade].filter((s) => s !== null).map((s) => ({ title: r.title, text: s!.text })))
  if (hints.length === 0) return null
  return (
    <div className="next-steps" data-testid="next-steps">
      <h3>What next</h3>
      <ul>
        {hints.map((h) => (
          <li key={`${h.title}-${h.text}`}>
            <strong>{h.title}:</strong> {h.text}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Runs highest first, the ones that set slot 1, 2 and 3 (the 1st, 4th and 8th best) marked. */
function RunList({ week }: { week: WeekVaultView }) {
  const runs = [...week.dungeons.runs].sort((a, b) => b.level - a.level || b.completedAt - a.completedAt)
  const marks = new Map(week.dungeons.slots.map((slot, i) => [slot.threshold - 1, i + 1]))
  return (
    <section className="panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Dungeons this week</h2>
      {runs.length === 0 && week.trust.dungeons.status === 'unknown' ? (
        <UnknownNote reason={week.trust.dungeons.reasons[0]} what="Which dungeons were run this week" />
      ) : runs.length === 0 ? (
        <p className="muted">No dungeon runs seen since the reset.</p>
      ) : (
        <ul className="evidence-list">
          {runs.map((run, index) => (
            <li key={`${run.dungeon}-${run.completedAt}-${index}`} data-testid="run">
              <span className="key-level">{levelLabel(run.level)}</span>
              <span className="evidence-name">{run.dungeon}</span>
              {marks.has(index) && <span className="slot-mark" title={`Sets slot ${marks.get(index)}`}>slot {marks.get(index)}</span>}
              <span className="muted small">
                {run.kind ? (run.kind === 'heroic' ? "from Blizzard's Heroic count" : "from Blizzard's Mythic count") : when(run.completedAt)}
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
      <h2 id="world-heading">World this week</h2>
      {activities.length === 0 && week.trust.world.status === 'unknown' ? (
        <UnknownNote reason={week.trust.world.reasons[0]} what="Which delves, Prey hunts and world activities were done this week" />
      ) : activities.length === 0 ? (
        <p className="muted">{week.trust.world.status === 'partial' ? 'None seen since the reset so far; some may not be visible yet (see the World row).' : 'No delves, Prey hunts or world activities seen since the reset.'}</p>
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

/** The season's crests: totals as Blizzard's statistics count them, the week's gain and the (estimated) cap. */
function CrestList({ character }: { character: CharacterVaultView['character'] }) {
  const { crests } = character
  return (
    <section className="panel" aria-labelledby="crests-heading" data-testid="crest-list">
      <h2 id="crests-heading">Crests this season</h2>
      {!crests.known ? (
        <p className="muted">No crest counters are known for this week's season (its table names none), so none are shown.</p>
      ) : (
        <>
          <ul className="evidence-list">
            {crests.kinds.map((k) => (
              <li key={k.statisticId} data-testid="crest">
                <span className="evidence-name">{k.name}</span>
                <span>{k.total === null ? <Mark kind="unknown" detail="not in Blizzard's statistics yet" /> : crestText(k)}</span>
                {/* Blizzard's own name and id for the counter, for a player who checks it is the right one. */}
                <details className="player-details">
                  <summary>Details</summary>
                  <span className="small muted">
                    {k.statisticName ?? 'Blizzard has not named it yet'} · statistic {k.statisticId}
                  </span>
                </details>
              </li>
            ))}
          </ul>
          {crests.note && (
            <p className="muted small">
              <PlayerText text={crests.note} />
            </p>
          )}
        </>
      )}
    </section>
  )
}

/** The player's tracked weekly quests for this character, each with why it counts as done or not. */
function QuestList({ character }: { character: CharacterVaultView['character'] }) {
  const navigate = useVault((s) => s.navigate)
  return (
    <section className="panel" aria-labelledby="quests-list-heading" data-testid="quest-status">
      <h2 id="quests-list-heading">Weekly quests</h2>
      {character.quests.length === 0 ? (
        <p className="muted">
          No weekly quests tracked.{' '}
          <a href="#/settings" onClick={(e) => { e.preventDefault(); navigate({ name: 'settings' }) }}>
            Add some in Settings
          </a>
          .
        </p>
      ) : (
        <ul className="evidence-list">
          {character.quests.map((q) => (
            <li key={q.id} data-testid="quest" data-state={q.state}>
              <span className="evidence-name">{q.name}</span>
              <span className={q.state === 'done' ? 'ok-text' : q.state === 'unknown' ? 'muted' : 'warning-text'}>{QUEST_STATE_LABELS[q.state]}</span>
              <span className="muted small">{q.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * The weeks before this one, compact: what each vault held and whether it was marked opened. A week
 * before the character was tracked says so; a week no row of which was checked is unknown, never "0 of 9".
 */
function HistoryList({ history, trackedSince }: { history: CharacterVaultView['history']; trackedSince: number }) {
  if (history.length === 0) return null
  const tracked = history.filter((week) => week.end > trackedSince)
  const untracked = history.filter((week) => week.end <= trackedSince)
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Recent weeks</h2>
      <ul className="evidence-list" data-testid="history">
        {tracked.map((week) => {
          const slots = [...week.raid.slots, ...week.dungeons.slots, ...week.world.slots]
          const best = Math.max(...slots.map((s) => s.reward?.itemLevel ?? 0))
          const unknown = [week.raid, week.dungeons, week.world].some((row) => row.status === 'unknown')
          const nothingChecked = [week.raid, week.dungeons, week.world].every((row) => row.status === 'unknown')
          if (nothingChecked) {
            return (
              <li key={week.period} data-testid="history-week">
                <span className="key-level">{dayLabel(week.start)}</span>
                <span className="evidence-name muted">not checked</span>
                <span className="muted small">no source could read this week</span>
              </li>
            )
          }
          return (
            <li key={week.period} data-testid="history-week">
              <span className="key-level">{dayLabel(week.start)}</span>
              <span className="evidence-name">
                {/* A row nobody checked may hide slots: the count is a floor, never a plain 0. */}
                {unknown ? (week.unlockedSlots === 0 ? 'unknown' : `at least ${week.unlockedSlots} of 9 slots`) : `${week.unlockedSlots} of 9 slots`}
                {best > 0 ? ` · best ${best}` : ''}
                {!week.season.tableKnown && week.unlockedSlots > 0 ? ' · rewards unknown' : ''}
              </span>
              <span className="muted small">
                {week.opened ? 'opened' : week.unlockedSlots > 0 ? 'not marked opened' : 'nothing earned'}
                {unknown ? ' · a row was not checked' : ''}
              </span>
            </li>
          )
        })}
        {/* The weeks before tracking began, in one line: nothing was read for them. */}
        {untracked.length > 0 && (
          <li data-testid="history-week" data-tracked="false">
            <span className="key-level">{untracked.length === 1 ? dayLabel(untracked[0]!.start) : `${dayLabel(untracked.at(-1)!.start)} – ${dayLabel(untracked[0]!.start)}`}</span>
            <span className="evidence-name muted">not tracked yet</span>
            <span className="muted small">before you added this character</span>
          </li>
        )}
      </ul>
    </section>
  )
}

/** A panel's list nobody could check this week: the one unknown mark, and why. */
function UnknownNote({ reason, what }: { reason: string | undefined; what: string }) {
  return (
    <p className="muted" data-testid="unknown-note">
      <Mark kind="unknown" detail={reason} /> {what} is unknown{reason ? ': ' : '.'}
      {reason && <PlayerText text={reason} />}
    </p>
  )
}
