import { formatCharacterRef } from '../../shared/domain/realm.ts'
import type { ImportCandidate, ImportList } from '../../shared/ipc-api.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import type { TrackedPicks } from '../import/import-service.ts'

/**
 * The CLI side of importing: the numbered list a player picks from, the answer they type ("1,3-5",
 * "all", or nothing) and the JSON printed with --json (a public contract: README "Command-line tool").
 */

/** `  1. Jaina · Azjol-Nerub · Mage · 90 · rank 3` (already tracked ones marked, not numbered). */
export function formatImportList(list: ImportList): string {
  const lines = [`${list.title}: ${list.candidates.length} character(s)`]
  let number = 0
  for (const c of list.candidates) {
    const facts = [c.realmName ?? c.realm, c.className ?? 'class unknown', c.level === null ? 'level ?' : String(c.level), ...(c.rank === null ? [] : [`rank ${c.rank}`])]
    lines.push(c.tracked ? `   –  ${c.name} · ${facts.join(' · ')} (already tracked)` : `  ${String((number += 1)).padStart(2)}. ${c.name} · ${facts.join(' · ')}`)
  }
  for (const note of list.notes) lines.push(`Note: ${note}`)
  return `${lines.join('\n')}\n`
}

/** The characters still to track, in the numbering of formatImportList. */
export function selectable(list: ImportList): ImportCandidate[] {
  return list.candidates.filter((c) => !c.tracked)
}

/**
 * Which of `count` numbered characters the player picked: "all", a list of numbers and ranges
 * ("1, 3-5"), or nothing (an empty answer picks none). Undefined when the answer makes no sense.
 */
export function parseSelection(answer: string, count: number): number[] | undefined {
  const text = answer.trim().toLowerCase()
  if (text === '' || text === 'none' || text === 'n') return []
  if (text === 'all' || text === 'a') return Array.from({ length: count }, (_, i) => i)
  const picked = new Set<number>()
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!range) return undefined
    const from = Number(range[1])
    const to = Number(range[2] ?? range[1])
    if (from < 1 || to > count || from > to) return undefined
    for (let n = from; n <= to; n += 1) picked.add(n - 1)
  }
  return [...picked].sort((a, b) => a - b)
}

const summary = (c: Pick<TrackedCharacter, 'region' | 'realm' | 'name'>) => ({ region: c.region, realm: c.realm, name: c.name })

/** `import … --json`: the list as found, then what was tracked (empty unless picked or --yes). */
export function importJson(list: ImportList, tracked: readonly TrackedCharacter[], alreadyTracked: readonly TrackedCharacter[], refused: TrackedPicks['refused'] = []) {
  return {
    title: list.title,
    source: list.source,
    candidates: list.candidates.map(({ region, realm, realmName, name, className, level, rank, tracked: isTracked }) => ({ region, realm, realmName, name, className, level, rank, tracked: isTracked })),
    notes: list.notes,
    tracked: tracked.map(summary),
    alreadyTracked: alreadyTracked.map(summary),
    refused: refused.map(({ region, realm, name, reason }) => ({ region, realm, name, reason })),
  }
}

export function trackedLine(characters: readonly TrackedCharacter[]): string {
  return characters.length === 0 ? 'Nothing tracked.\n' : `Now tracking ${characters.map(formatCharacterRef).join(', ')}. Run "sync" to fill their vaults.\n`
}
