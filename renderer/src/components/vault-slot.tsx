import type { ReactNode } from 'react'
import { rewardText, trackLabel, type SlotReward } from '../../../shared/domain/reward.ts'
import type { RowTrust } from '../../../shared/domain/row-status.ts'
import type { VaultSlot as Slot } from '../../../shared/domain/types.ts'
import { DIFFICULTY_LABELS, difficultyClass, levelLabel } from './format.ts'

export type RowKind = 'raid' | 'dungeon' | 'world'

/** What an unlocked slot rewards ("Heroic", "+12", "Tier 8") and the colour of that reward. */
function slotLabel(slot: Slot): { reward: string | null; colour: string } {
  if ('difficulty' in slot) return { reward: slot.difficulty ? DIFFICULTY_LABELS[slot.difficulty] : null, colour: difficultyClass(slot.difficulty) }
  if ('tier' in slot) return { reward: slot.tier === null ? null : `Tier ${slot.tier}`, colour: slot.tier !== null && slot.tier >= 8 ? 'difficulty-heroic' : 'difficulty-normal' }
  return { reward: slot.level === null ? null : levelLabel(slot.level), colour: slot.level !== null && slot.level >= 10 ? 'difficulty-mythic' : slot.level !== null && slot.level >= 2 ? 'difficulty-heroic' : 'difficulty-normal' }
}

const UNITS: Record<RowKind, string> = { raid: 'bosses', dungeon: 'runs', world: 'activities' }

/** One read-only Great Vault slot: locked with progress, or unlocked with its reward and upgrade track. */
export function VaultSlot({ slot, kind, compact = false }: { slot: Slot; kind: RowKind; compact?: boolean }) {
  const { reward, colour } = slotLabel(slot)
  const unit = UNITS[kind]
  const label = slot.unlocked ? `Unlocked: ${reward ?? ''}${slot.reward ? `, item level ${rewardText(slot.reward)}` : ''}` : `Locked: ${slot.progress} of ${slot.threshold} ${unit}`
  return (
    <div className={`slot ${slot.unlocked ? `unlocked ${colour}` : 'locked'} ${compact ? 'compact' : ''}`} role="img" aria-label={label} title={slot.reward ? rewardText(slot.reward) : undefined} data-testid={`${kind}-slot`}>
      {slot.unlocked ? (
        <>
          <span className="slot-reward">{reward}</span>
          {slot.reward && <RewardLine reward={slot.reward} compact={compact} />}
        </>
      ) : (
        <>
          <span className="slot-progress">
            {slot.progress}/{slot.threshold}
          </span>
          {!compact && <progress max={slot.threshold} value={slot.progress} aria-hidden="true" />}
        </>
      )}
    </div>
  )
}

/** "318 · Myth 1", with "or 344 (last two bosses)" when some items pay more, and a "?" on unconfirmed values. */
function RewardLine({ reward, compact }: { reward: SlotReward; compact: boolean }) {
  const track = trackLabel(reward)
  return (
    <>
      <span className="slot-ilvl">
        {reward.itemLevel}
        {!reward.confirmed && <abbr className="unconfirmed" title="Unconfirmed: published tables disagree on this value">?</abbr>}
        {track && !compact && <span className="slot-track"> · {track}</span>}
      </span>
      {reward.exceptions.map((e) => (
        <span key={e.itemLevel} className="slot-exception small">
          {compact ? `or ${e.itemLevel}` : `or ${e.itemLevel} (${trackLabel(e)}) from ${e.bosses.join(' or ')}`}
        </span>
      ))}
    </>
  )
}

/**
 * A labelled row of three slots. An `unknown` row shows why instead of slots (never a 0 nobody
 * checked); a `partial` row keeps its slots as a lower bound and says so.
 */
export function VaultRow({ title, slots, kind, trust, compact = false, action }: { title: string; slots: readonly Slot[]; kind: RowKind; trust?: RowTrust; compact?: boolean; action?: ReactNode }) {
  const status = trust?.status ?? 'complete'
  return (
    <div className={`vault-row ${compact ? 'compact' : ''} row-${status}`} data-testid={`${kind}-row`} data-status={status}>
      <span className="vault-row-title">
        {title}
        {status === 'partial' && <span className="row-badge" title={trust?.reasons.join('\n')}>partial</span>}
      </span>
      {status === 'unknown' ? (
        <div className="vault-row-unknown" role="note">
          <strong>Unknown</strong>
          <span className="muted small">{compact ? ` — ${trust?.reasons[0] ?? ''}` : trust?.reasons.map((r) => <span key={r} className="row-reason">{r}</span>)}</span>
          {!compact && action}
        </div>
      ) : (
        <div className="vault-row-slots">
          {slots.map((slot) => (
            <VaultSlot key={slot.threshold} slot={slot} kind={kind} compact={compact} />
          ))}
        </div>
      )}
      {status === 'partial' && !compact && (
        <ul className="row-reasons small muted">
          {trust?.reasons.map((r) => <li key={r}>{r}</li>)}
          {action && <li>{action}</li>}
        </ul>
      )}
    </div>
  )
}
