import { DIFFICULTY_LABELS } from '../../shared/domain/difficulty.ts'
import { SOURCE_IDS } from '../../shared/domain/types.ts'
import { levelLabel, SOURCE_LABELS } from '../../shared/domain/labels.ts'
import type { VaultReport } from '../sync/vault-report.ts'

/** Human-readable output of the CLI: compact tables, times in UTC. */

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`

/** Renders one vault report as a few aligned lines. */
export function formatVault(report: VaultReport): string {
  const { character, week, raid, dungeons } = report
  const raidSlots = raid.slots.map((s) => (s.unlocked && s.difficulty ? `[${DIFFICULTY_LABELS[s.difficulty]}${s.itemLevel ? ` ${s.itemLevel}` : ''}]` : `[${s.progress}/${s.threshold}]`))
  const dungeonSlots = dungeons.slots.map((s) => (s.unlocked && s.level !== null ? `[${levelLabel(s.level)}${s.itemLevel ? ` ${s.itemLevel}` : ''}]` : `[${s.progress}/${s.threshold}]`))
  const lines = [
    `${character.name} · ${character.region}/${character.realm} · week ${utc(week.start)} → ${utc(week.end)} UTC`,
    `  Raid      ${raidSlots.join(' ')}`,
    `  Dungeons  ${dungeonSlots.join(' ')}`,
  ]
  if (raid.bosses.length > 0) {
    lines.push(`  Bosses    ${raid.bosses.map((b) => `${b.name} (${DIFFICULTY_LABELS[b.difficulty]}; ${b.sources.map((s) => SOURCE_LABELS[s]).join(', ')})`).join(', ')}`)
  }
  if (dungeons.runs.length > 0) {
    lines.push(`  Runs      ${dungeons.runs.map((r) => `${levelLabel(r.level)} ${r.dungeon} (${r.completedAt.slice(5, 10)})`).join(', ')}`)
  }
  const sources = SOURCE_IDS.map((id) => {
    const s = report.sources[id]
    const label = s.status === 'not_configured' ? 'not configured' : s.status
    return `${SOURCE_LABELS[id]} ${label}${s.error ? `: ${s.error}` : ''}`
  })
  lines.push(`  Sources   ${sources.join(' · ')}`)
  lines.push(`  Synced    ${report.syncedAt ? `${utc(report.syncedAt)} UTC` : 'never'}`)
  return `${lines.join('\n')}\n`
}
