import { DIFFICULTY_LABELS } from '../../shared/domain/difficulty.ts'
import { levelLabel } from '../../shared/domain/labels.ts'
import { formatCharacterRef } from '../../shared/domain/realm.ts'
import type { VaultHistoryWeek } from '../../shared/domain/vault-history.ts'
import type { VaultSlot } from '../../shared/domain/types.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import { DEFAULT_HISTORY_WEEKS, MAX_HISTORY_WEEKS, vaultHistory } from '../sync/vault-history.ts'
import { slotGameJson } from '../sync/vault-report.ts'
import { EXIT, oneCharacter, print, summary, tracked, usage, wholeNumber, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/** The vault domain's history on the command line: a character's last weeks from the store, no network. */

export function history(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  const ref = oneCharacter(args, 'history', io)
  if (typeof ref === 'number') return ref
  const weeks = wholeNumber(options.weeks, 'weeks', 1, MAX_HISTORY_WEEKS)
  if (!weeks.ok) return usage(io, weeks.error.message)
  return withLocalCore(options, io, 'read', async (core) => {
    const character = tracked(core, ref, io)
    if (!character) return EXIT.notFound
    const list = vaultHistory(core, character, weeks.value ?? DEFAULT_HISTORY_WEEKS)
    print(io, options, historyJson(character, list), formatHistory(character, list))
    return EXIT.ok
  })
}

const iso = (ms: number) => new Date(ms).toISOString()

/** `history --json` (README): newest week first. */
export function historyJson(character: TrackedCharacter, weeks: readonly VaultHistoryWeek[]) {
  return {
    character: summary(character),
    weeks: weeks.map((w) => ({
      period: w.period,
      start: iso(w.start),
      end: iso(w.end),
      current: w.current,
      season: w.season,
      raid: { status: w.raid.status, slots: w.raid.slots.map((s) => ({ ...s, game: slotGameJson(s.game) })) },
      dungeons: { status: w.dungeons.status, slots: w.dungeons.slots.map((s) => ({ ...s, game: slotGameJson(s.game) })) },
      world: { status: w.world.status, slots: w.world.slots.map((s) => ({ ...s, game: slotGameJson(s.game) })) },
      unlockedSlots: w.unlockedSlots,
      opened: w.opened,
    })),
  }
}

/** "Heroic 318", "+12", "Tier 8 298?": an unlocked slot in a few characters; "·" for a locked one. */
function slotShort(slot: VaultSlot): string {
  if (!slot.unlocked) return '·'
  const what = 'difficulty' in slot ? (slot.difficulty ? DIFFICULTY_LABELS[slot.difficulty] : '') : 'tier' in slot ? `T${slot.tier}` : slot.level === null ? '' : levelLabel(slot.level)
  return slot.reward ? `${what} ${slot.reward.itemLevel}${slot.reward.confirmed ? '' : '?'}` : what
}

function rowShort(row: VaultHistoryWeek['raid'] | VaultHistoryWeek['dungeons'] | VaultHistoryWeek['world']): string {
  if (row.status === 'unknown') return 'unknown'
  return `${row.slots.map(slotShort).join(' | ')}${row.status === 'partial' ? ' (≥)' : ''}`
}

export function formatHistory(character: TrackedCharacter, weeks: readonly VaultHistoryWeek[]): string {
  const lines = [`${character.name} · ${formatCharacterRef(character)} · the last ${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'}, newest first`]
  for (const w of weeks) {
    const state = w.current ? 'this week' : w.opened ? 'opened' : w.unlockedSlots > 0 ? 'not marked opened' : 'nothing earned'
    const season = w.season.tableKnown ? '' : ` · ${w.season.name ?? 'season unknown'}: rewards unknown`
    lines.push(`  ${iso(w.start).slice(0, 10)}  week ${w.period}  ${w.unlockedSlots}/9 slots · ${state}${season}`)
    lines.push(`      Raid ${rowShort(w.raid)}  ·  Dungeons ${rowShort(w.dungeons)}  ·  World ${rowShort(w.world)}`)
  }
  return `${lines.join('\n')}\n`
}
