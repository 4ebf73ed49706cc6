import { crestText } from '../../shared/domain/crests.ts'
import { DIFFICULTY_LABELS } from '../../shared/domain/difficulty.ts'
import { QUEST_STATE_LABELS } from '../../shared/domain/weekly-quests.ts'
import { tableSentence } from '../../shared/domain/season-view.ts'
import { levelLabel, SOURCE_LABELS } from '../../shared/domain/labels.ts'
import { rewardText } from '../../shared/domain/reward.ts'
import type { RowStatus } from '../../shared/domain/row-status.ts'
import { SOURCE_IDS, type VaultSlot } from '../../shared/domain/types.ts'
import type { VaultReport } from '../sync/vault-report.ts'

/** Human-readable output of the CLI: compact tables, times in UTC. */

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

function slotText(slot: Pick<VaultSlot, 'unlocked' | 'progress' | 'threshold' | 'reward'>, label: string | null): string {
  if (!slot.unlocked || label === null) return `[${slot.progress}/${slot.threshold}]`
  return `[${label}${slot.reward ? ` ${rewardText(slot.reward)}` : ''}]`
}

/**
 * One row: its slots, or "unknown" with why, never slots of 0 that nobody checked. A partial row
 * keeps its slots (a lower bound) and says what may be missing.
 */
function rowLines(title: string, status: RowStatus, reasons: readonly string[], slots: string[]): string[] {
  const head = `  ${title.padEnd(10)}`
  const indent = ' '.repeat(head.length)
  if (status === 'unknown') return [`${head}unknown: ${reasons[0] ?? ''}`, ...reasons.slice(1).map((r) => `${indent}${r}`)]
  const lines = [`${head}${slots.join(' ')}${status === 'partial' ? '  (partial: may be missing some)' : ''}`]
  return [...lines, ...reasons.map((r) => `${indent}${r}`)]
}

/** Which season the week is and which table priced its slots (or why none did). */
function seasonText({ season }: VaultReport): string {
  if (season.table) return tableSentence(season.table)
  if (season.status === 'between-seasons') return 'between seasons · no rewards shown'
  if (season.status === 'unknown') return 'unknown · no rewards shown'
  return `${season.name ?? 'unknown'} · rewards unknown to this version: update the app`
}

/** Which addon saves of the game this week's slots took in, with when each was saved. */
function gameLine({ raid, dungeons, world }: VaultReport): string | null {
  const saves = new Map<string, string>()
  for (const slot of [...raid.slots, ...dungeons.slots, ...world.slots]) if (slot.game) saves.set(slot.game.addon, slot.game.savedAt)
  if (saves.size === 0) return null
  return `the game's own vault, saved by ${[...saves].map(([addon, at]) => `${addon} at ${utc(at)} UTC`).join(', ')}`
}

/** Renders one vault report as a few aligned lines. */
export function formatVault(report: VaultReport): string {
  const { character, week, raid, dungeons } = report
  const raidSlots = raid.slots.map((s) => slotText(s, s.difficulty && DIFFICULTY_LABELS[s.difficulty]))
  const dungeonSlots = dungeons.slots.map((s) => slotText(s, s.level === null ? null : levelLabel(s.level)))
  const worldSlots = report.world.slots.map((s) => slotText(s, s.tier === null ? null : `Tier ${s.tier}`))
  const lines = [
    `${character.name} · ${character.region}/${character.realm} · week ${utc(week.start)} → ${utc(week.end)} UTC`,
    `  Season    ${seasonText(report)}`,
    ...rowLines('Raid', raid.status, raid.reasons, raidSlots),
    ...rowLines('Dungeons', dungeons.status, dungeons.reasons, dungeonSlots),
    ...rowLines('World', report.world.status, report.world.reasons, worldSlots),
  ]
  if (raid.bosses.length > 0) {
    lines.push(`  Bosses    ${raid.bosses.map((b) => `${b.name} (${DIFFICULTY_LABELS[b.difficulty]}; ${b.sources.map((s) => SOURCE_LABELS[s]).join(', ')})`).join(', ')}`)
  }
  if (dungeons.runs.length > 0) {
    // Heroic and Mythic 0 runs come from counters: their date is only when the counter last moved.
    lines.push(`  Runs      ${dungeons.runs.map((r) => `${levelLabel(r.level)} ${r.dungeon}${r.kind === 'keystone' ? ` (${r.completedAt.slice(5, 10)})` : ''}`).join(', ')}`)
  }
  if (report.world.activities.length > 0) {
    lines.push(`  World     ${report.world.activities.map((a) => `${a.count} × ${a.name}${a.kind === 'delve' ? '' : ` (tier ${a.tier})`}`).join(', ')}`)
  }
  if (report.crests.known) {
    const read = report.crests.kinds.filter((k) => k.total !== null)
    lines.push(`  Crests    ${read.length === 0 ? "not in Blizzard's statistics yet (unknown)" : report.crests.kinds.map((k) => `${k.name} ${crestText(k)}`).join(' · ')}`)
  }
  if (report.quests.length > 0) lines.push(`  Quests    ${report.quests.map((q) => `${q.name}: ${QUEST_STATE_LABELS[q.state]}`).join(' · ')}`)
  const sources = SOURCE_IDS.map((id) => {
    const s = report.sources[id]
    const label = s.status === 'not_configured' ? 'not configured' : s.status
    const unchanged = s.unchangedSince ? ` (no login since the full read at ${utc(s.unchangedSince)} UTC: unchanged)` : ''
    return `${SOURCE_LABELS[id]} ${label}${unchanged}${s.error ? `: ${s.error}` : ''}`
  })
  lines.push(`  Sources   ${sources.join(' · ')}`)
  const game = gameLine(report)
  if (game) lines.push(`  Game      ${game}`)
  lines.push(`  Synced    ${report.syncedAt ? `${utc(report.syncedAt)} UTC` : 'never'}`)
  for (const warning of report.warnings) lines.push(`  Note      ${warning}`)
  return `${lines.join('\n')}\n`
}
