import type { DungeonVaultSlot, RaidVaultSlot } from '../../../shared/domain/types.ts'
import { DIFFICULTY_LABELS, difficultyClass, levelLabel } from './format.ts'

/** One read-only Great Vault slot: locked with progress, or unlocked with its reward. */
export function VaultSlot({ slot, kind, compact = false }: { slot: RaidVaultSlot | DungeonVaultSlot; kind: 'raid' | 'dungeon'; compact?: boolean }) {
  const reward = 'difficulty' in slot ? (slot.difficulty ? DIFFICULTY_LABELS[slot.difficulty] : null) : slot.level !== null ? levelLabel(slot.level) : null
  const colour = 'difficulty' in slot ? difficultyClass(slot.difficulty) : slot.level !== null && slot.level >= 10 ? 'difficulty-mythic' : slot.level !== null && slot.level >= 2 ? 'difficulty-heroic' : 'difficulty-normal'
  const unit = kind === 'raid' ? 'bosses' : 'runs'
  const label = slot.unlocked ? `Unlocked: ${reward ?? ''}${slot.itemLevel ? `, item level ${slot.itemLevel}` : ''}` : `Locked: ${slot.progress} of ${slot.threshold} ${unit}`
  return (
    <div className={`slot ${slot.unlocked ? `unlocked ${colour}` : 'locked'} ${compact ? 'compact' : ''}`} role="img" aria-label={label} data-testid={`${kind}-slot`}>
      {slot.unlocked ? (
        <>
          <span className="slot-reward">{reward}</span>
          {slot.itemLevel !== null && <span className="slot-ilvl">{slot.itemLevel}</span>}
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

/** A labelled row of three slots. */
export function VaultRow({ title, slots, kind, compact = false }: { title: string; slots: readonly (RaidVaultSlot | DungeonVaultSlot)[]; kind: 'raid' | 'dungeon'; compact?: boolean }) {
  return (
    <div className={`vault-row ${compact ? 'compact' : ''}`}>
      <span className="vault-row-title">{title}</span>
      <div className="vault-row-slots">
        {slots.map((slot) => (
          <VaultSlot key={slot.threshold} slot={slot} kind={kind} compact={compact} />
        ))}
      </div>
    </div>
  )
}
