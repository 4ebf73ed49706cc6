import { crestText } from '../../../../shared/domain/crests.ts'
import { nextStepsOf, vaultWaits } from '../../../../shared/domain/board.ts'
import type { RowTrust } from '../../../../shared/domain/row-status.ts'
import { rewardText } from '../../../../shared/domain/reward.ts'
import type { VaultSlot as Slot, VaultRow } from '../../../../shared/domain/types.ts'
import type { CharacterOverview } from '../../../../shared/ipc-api.ts'
import { QUEST_STATE_LABELS, questTally } from '../../../../shared/domain/weekly-quests.ts'
import { SOURCE_LABELS } from '../../../../shared/domain/labels.ts'
import { VAULT_WAITING_TEXT } from '../../../../shared/domain/vault-waiting.ts'
import { classCss, relativeTime } from '../../components/format.ts'
import { Mark } from '../../components/marks.tsx'
import { progressText, type RowKind } from '../../components/vault-slot.tsx'
import './board-cells.css'

/**
 * The board's cells, one small component each. A slot shows its item level as the big number and what
 * earned it (difficulty, key level, tier) as the caption, so nine slots compare at a glance.
 */

const ROW_KIND: Record<VaultRow, RowKind> = { raid: 'raid', dungeons: 'dungeon', world: 'world' }
const DIFFICULTY_SHORT = { lfr: 'LFR', normal: 'N', heroic: 'H', mythic: 'M' } as const

/** "H", "+12", "M0", "T8": what earned a slot, in as few letters as the board has room for. */
function caption(slot: Slot): string {
  if ('difficulty' in slot) return slot.difficulty ? DIFFICULTY_SHORT[slot.difficulty] : ''
  if ('tier' in slot) return slot.tier === null ? '' : `T${slot.tier}`
  if (slot.level === null) return ''
  return slot.level === 0 ? 'HC' : slot.level === 1 ? 'M0' : `+${slot.level}`
}

const SLOT_WORDS: Record<RowKind, string> = { raid: 'raid', dungeon: 'dungeon', world: 'world' }

/** One slot of the board: locked with its progress, or its item level (a * where unconfirmed, "or 344" in the tooltip). */
function BoardSlot({ slot, kind, index }: { slot: Slot; kind: RowKind; index: number }) {
  if (!slot.unlocked) {
    return (
      <span className="board-slot locked" role="img" aria-label={`${SLOT_WORDS[kind]} slot ${index + 1} locked: ${progressText(slot, kind)}`} title={progressText(slot, kind)} data-testid={`${kind}-slot`}>
        {slot.progress}/{slot.threshold}
      </span>
    )
  }
  const reward = slot.reward
  const track = reward?.track ? `track-${reward.track.toLowerCase()}` : 'track-unknown'
  const detail = reward ? rewardText(reward) : 'item level unknown (no table for this season)'
  return (
    <span className={`board-slot unlocked ${track}`} role="img" aria-label={`${SLOT_WORDS[kind]} slot ${index + 1}: ${caption(slot)} ${detail}`} title={`${caption(slot)} · ${detail}`} data-testid={`${kind}-slot`}>
      <span className="board-ilvl">
        {slot.itemLevel ?? '?'}
        {reward && (!reward.confirmed || reward.exceptions.length > 0) ? <span className="board-more">{reward.confirmed ? '↑' : '*'}</span> : null}
      </span>
      <span className="board-caption">{caption(slot)}</span>
    </span>
  )
}

/** A row's three slots; a partial row says "at least", an unknown one shows the one unknown mark with why. */
export function SlotsCell({ row, slots, trust, oldLogout = false }: { row: VaultRow; slots: readonly Slot[]; trust: RowTrust; oldLogout?: boolean }) {
  const kind = ROW_KIND[row]
  return (
    <td className={`board-slots row-${trust.status}`} data-testid={`${kind}-row`} data-status={trust.status} title={trust.reasons.join('\n') || undefined}>
      {trust.status === 'unknown' ? (
        <Mark kind="unknown" detail={trust.reasons[0] ?? 'no source could check this row'} />
      ) : (
        <>
          {slots.map((slot, index) => (
            <BoardSlot key={slot.threshold} slot={slot} kind={kind} index={index} />
          ))}
          {trust.status === 'partial' && <Mark kind="partial" detail={trust.reasons[0]} />}
        </>
      )}
      {oldLogout && <Mark kind="oldLogout" />}
    </td>
  )
}

/** The name (class colour) and, next to it, last week's vault when it waits. */
export function CharacterCell({ character, onOpen, onMarkOpened }: { character: CharacterOverview; onOpen: () => void; onMarkOpened: () => void }) {
  return (
    <th scope="row" className="board-character">
      <a
        href={`#/character/${character.id}`}
        className={classCss(character.className)}
        title={[character.specName, character.className].filter(Boolean).join(' ') || undefined}
        onClick={(e) => {
          e.preventDefault()
          onOpen()
        }}
      >
        {character.name}
      </a>
      {/* By the name, which never scrolls away: which source failed for this character. */}
      {character.failingSources.map((f) => (
        <Mark key={f.source} kind="failing" detail={`${SOURCE_LABELS[f.source]} did not answer`} testId="source-failed" />
      ))}
      <VaultBadge character={character} onMarkOpened={onMarkOpened} />
    </th>
  )
}

/** "Vault 3" (a ~ when it may be opened already); a click marks it opened. Nothing when nothing waits. */
function VaultBadge({ character, onMarkOpened }: { character: CharacterOverview; onMarkOpened: () => void }) {
  const { lastWeek } = character
  if (!vaultWaits(character)) return null
  // The game's own word (an addon's save since the reset) is no estimate: it is said as the game's.
  const why = lastWeek.waiting === 'none' ? '' : lastWeek.waitingFrom && lastWeek.waiting === 'waiting' ? `the game says it waits (${lastWeek.waitingFrom.addon})` : VAULT_WAITING_TEXT[lastWeek.waiting]
  return (
    <button type="button" className="vault-badge" data-testid="vault-ready" title={`Last week's vault: ${lastWeek.unlockedSlots} slots, ${why}. Click when you have opened it.`} aria-label={`Vault ready, ${lastWeek.unlockedSlots} slots, ${why}: mark as opened`} onClick={onMarkOpened}>
      Vault {lastWeek.unlockedSlots}
      {lastWeek.waiting === 'waiting' ? '' : '~'}
    </button>
  )
}

/** The cheapest steps this week; "done" when all nine are open; unknown when no row could be checked. */
export function NextCell({ character }: { character: CharacterOverview }) {
  const steps = nextStepsOf(character)
  const unknownRows = (['raid', 'dungeons', 'world'] as const).filter((row) => character.trust[row].status === 'unknown')
  if (steps.length === 0) {
    return (
      <td className="board-next" data-testid="next">
        {unknownRows.length > 0 ? <Mark kind="unknown" detail={`the ${unknownRows.join(' and ')} ${unknownRows.length === 1 ? 'row' : 'rows'} could not be checked`} /> : <span className="ok-text">done</span>}
      </td>
    )
  }
  const text = steps.map((s) => s.brief).join(' · ')
  return (
    <td className="board-next" data-testid="next" title={steps.map((s) => s.text).join('\n')}>
      {text}
    </td>
  )
}

/** A number the sources gave, or the unknown mark; `title` says more in the tooltip. */
export function NumberCell({ value, what, testId, title }: { value: number | null; what: string; testId?: string; title?: string }) {
  return (
    <td className="numeric" data-testid={testId} title={title}>
      {value === null ? <Mark kind="unknown" detail={`no source gave the ${what} yet`} /> : Math.round(value)}
    </td>
  )
}

/** "Keystone Myth at 3,600: 240 to go" for the season's rating achievements (its table names them). */
export function ratingGoals(character: Pick<CharacterOverview, 'mythicRating' | 'season'>): string | undefined {
  const goals = character.season.ratingAchievements
  if (goals.length === 0) return undefined
  const rating = character.mythicRating
  return goals
    .map((g) => `${g.name} at ${g.rating.toLocaleString('en')}: ${rating === null ? 'rating unknown' : rating >= g.rating ? 'reached' : `${Math.ceil(g.rating - rating).toLocaleString('en')} to go`}`)
    .join('\n')
}

/** The highest crest kind read ("Myth 27"), all kinds in the tooltip; marked when the figures are last week's. */
export function CrestsCell({ character, oldLogout }: { character: CharacterOverview; oldLogout: boolean }) {
  const { crests } = character
  const read = crests.kinds.filter((k) => k.total !== null)
  const top = read.at(-1)
  return (
    <td className="board-crests" data-testid="crests" title={crests.kinds.map((k) => `${k.name}: ${crestText(k)}`).join('\n') || undefined}>
      {!crests.known || !top ? (
        <Mark kind="unknown" detail={crests.known ? "not in Blizzard's statistics yet" : "this version knows no crests for the week's season"} />
      ) : (
        <>
          {top.name} {top.total}
          {top.weekGain ? <span className="muted"> +{top.weekGain}</span> : null}
        </>
      )}
      {oldLogout && <Mark kind="oldLogout" />}
    </td>
  )
}

/** Tracked quests done this week ("1/2"); "+" while one is unknown, each quest in the tooltip. */
export function QuestsCell({ character, oldLogout }: { character: CharacterOverview; oldLogout: boolean }) {
  const { quests } = character
  const tally = questTally(quests)
  return (
    <td className="numeric" data-testid="quests" title={quests.map((q) => `${q.name}: ${QUEST_STATE_LABELS[q.state]}. ${q.reason}`).join('\n')}>
      <span className={tally.complete && tally.done === tally.total ? 'ok-text' : undefined}>
        {tally.done}/{tally.total}
      </span>
      {!tally.complete && <Mark kind="partial" detail="a quest's state is unknown" />}
      {oldLogout && <Mark kind="oldLogout" />}
    </td>
  )
}

/** Guild and realm on one line that never wraps (the full text in the tooltip). */
export function WhereCell({ character }: { character: CharacterOverview }) {
  const realm = `${character.realmName ?? character.realm} · ${character.region.toUpperCase()}`
  const text = character.guild ? `<${character.guild.name}> ${realm}` : realm
  return (
    <td className="board-where" title={text}>
      {character.guild && <span data-testid="guild">&lt;{character.guild.name}&gt; </span>}
      <span data-testid="realm">{realm}</span>
    </td>
  )
}

/** "5 minutes ago", under the Synced header: a time only (what is old because of a logout is marked where it shows). */
export function SyncedCell({ character, now }: { character: CharacterOverview; now: number }) {
  return (
    <td className="board-synced" data-testid="synced">
      {character.lastSyncedAt === null ? 'never' : relativeTime(character.lastSyncedAt, now)}
    </td>
  )
}

/** True when Blizzard's figures (World, crests, quests) are as of a logout before the reset. */
export function loggedOutBeforeReset(character: CharacterOverview): boolean {
  return character.lastLoginAt !== null && character.lastLoginAt < character.week.start
}
