import type { ReactNode } from 'react'
import { rewardText, trackLabel, type SlotReward } from '../../../shared/domain/reward.ts'
import type { RowTrust } from '../../../shared/domain/row-status.ts'
import type { VaultSlot as Slot } from '../../../shared/domain/types.ts'
import { DIFFICULTY_LABELS, levelLabel, when } from './format.ts'
import { PlayerText } from './player-text.tsx'

export type RowKind = 'raid' | 'dungeon' | 'world'

/** What an unlocked slot rewards: "Heroic", "+12", "Tier 8". */
function rewardLabel(slot: Slot): string | null {
  if ('difficulty' in slot) return slot.difficulty ? DIFFICULTY_LABELS[slot.difficulty] : null
  if ('tier' in slot) return slot.tier === null ? null : `Tier ${slot.tier}`
  return slot.level === null ? null : levelLabel(slot.level)
}

const UNITS: Record<RowKind, [string, string]> = { raid: ['boss', 'bosses'], dungeon: ['dungeon', 'dungeons'], world: ['activity', 'activities'] }

/** "3 of 4 bosses": the unit spelled out, so "4/6" never reads like raid progress. */
export function progressText(slot: Slot, kind: RowKind): string {
  return `${slot.progress} of ${slot.threshold} ${UNITS[kind][slot.threshold === 1 ? 0 : 1]}`
}

/**
 * One read-only Great Vault slot: locked with progress, or unlocked with what it rewards in player
 * terms ("Heroic · Myth 1 · 318"), coloured by upgrade track (Veteran, Champion, Hero, Myth) like items.
 */
export function VaultSlot({ slot, kind, closed = false }: { slot: Slot; kind: RowKind; closed?: boolean }) {
  const reward = rewardLabel(slot)
  const track = slot.reward?.track ? `track-${slot.reward.track.toLowerCase()}` : 'track-unknown'
  // A past week's locked slot can no longer fill: no progress bar, just "not earned".
  if (closed && !slot.unlocked) {
    return (
      <div className="slot locked closed" role="img" aria-label={`Not earned: ${progressText(slot, kind)}`} data-testid={`${kind}-slot`}>
        <span className="slot-progress">not earned</span>
      </div>
    )
  }
  const label = slot.unlocked ? `Unlocked: ${reward ?? ''}${slot.reward ? `, item level ${gameItemLevel(slot) ?? rewardText(slot.reward)}` : ''}` : `Locked: ${progressText(slot, kind)}`
  return (
    <div className={`slot ${slot.unlocked ? `unlocked ${track}` : 'locked'}`} role="img" aria-label={label} title={slot.reward ? rewardText(slot.reward) : label} data-testid={`${kind}-slot`}>
      {slot.unlocked ? (
        <>
          <span className="slot-reward">{reward}</span>
          {slot.reward && <RewardLine reward={slot.reward} gameItemLevel={gameItemLevel(slot)} />}
        </>
      ) : (
        <>
          <span className="slot-progress">{progressText(slot, kind)}</span>
          <progress max={slot.threshold} value={slot.progress} aria-hidden="true" />
        </>
      )}
      {slot.game && (
        <span className="slot-game small" title={`As the game showed this slot, saved by the ${slot.game.addon} addon on ${when(slot.game.savedAt)}`}>
          game · {slot.game.addon}
        </span>
      )}
    </div>
  )
}

/** The game's own item level where it differs from the season table's (then the game's is shown). */
function gameItemLevel(slot: Slot): number | null {
  const game = slot.game?.itemLevel ?? null
  return game !== null && slot.reward && slot.itemLevel === game && game !== slot.reward.itemLevel ? game : null
}

/** "Hero 1 · 305", a "?" on unconfirmed values, and "(344 from the last two bosses)" where items can pay more. */
function RewardLine({ reward, gameItemLevel }: { reward: SlotReward; gameItemLevel: number | null }) {
  const track = trackLabel(reward)
  return (
    <>
      <span className="slot-ilvl">
        {track && <span className="slot-track">{track} · </span>}
        {gameItemLevel === null ? (
          <>
            {reward.itemLevel}
            {!reward.confirmed && <abbr className="unconfirmed" title="Unconfirmed: published tables disagree on this value">?</abbr>}
          </>
        ) : (
          <abbr title={`The game says ${gameItemLevel}; the season table says ${reward.itemLevel}`}>{gameItemLevel}</abbr>
        )}
      </span>
      {reward.exceptions.map((e) => (
        <span key={`${e.itemLevel} ${e.bosses.join()}`} className="slot-exception small">
          {`(${e.itemLevel} ${trackLabel(e)} from ${e.label ?? e.bosses.join(' or ')})`}
          {!e.confirmed && <abbr className="unconfirmed" title="Unconfirmed: no source states this value">?</abbr>}
        </span>
      ))}
    </>
  )
}

/**
 * A labelled row of three slots. An `unknown` row shows why instead of slots (never a 0 nobody
 * checked); a `partial` row keeps its slots as a lower bound and says so.
 */
export function VaultRow({ title, slots, kind, trust, closed = false, action }: { title: string; slots: readonly Slot[]; kind: RowKind; trust?: RowTrust; closed?: boolean; action?: ReactNode }) {
  const status = trust?.status ?? 'complete'
  return (
    <div className={`vault-row row-${status}`} data-testid={`${kind}-row`} data-status={status}>
      <span className="vault-row-title">
        {title}
        {status === 'partial' && <span className="row-badge" title={trust?.reasons.join('\n')}>partial</span>}
      </span>
      {status === 'unknown' ? (
        <div className="vault-row-unknown" role="note">
          <strong>Unknown</strong>
          <span className="muted small">
            {trust?.reasons.map((r) => (
              <span key={r} className="row-reason">
                <PlayerText text={r} />
              </span>
            ))}
          </span>
          {action}
        </div>
      ) : (
        <div className="vault-row-slots">
          {slots.map((slot) => (
            <VaultSlot key={slot.threshold} slot={slot} kind={kind} closed={closed} />
          ))}
        </div>
      )}
      {status === 'partial' && (
        <ul className="row-reasons small muted">
          {trust?.reasons.map((r) => (
            <li key={r}>
              <PlayerText text={r} />
            </li>
          ))}
          {action && <li>{action}</li>}
        </ul>
      )}
    </div>
  )
}
