import type { CharacterOverview } from '../ipc-api.ts'
import { cheapestSteps, isFinished, resetsByRegion, vaultWaits } from './board.ts'
import { countOf, duration, utcTime } from './labels.ts'
import { VAULT_ROWS, type Region, type VaultRow } from './types.ts'
import type { VaultWaiting } from './vault-waiting.ts'

/**
 * The week's digest: what a player or an officer wants told before and after a reset, from the same
 * overviews the board shows. Pure (no clock, no I/O), so the CLI, the tray's notifications and the
 * Discord post say the same. Unknown stays unknown: a row nobody could check puts its character in
 * `unknown`, never in `finished` or `nothingYet`, and gives no step.
 */

export interface DigestCharacter {
  region: Region
  /** The realm's slug; `realmName` its display name once a source gave it. */
  realm: string
  realmName: string | null
  name: string
}

export interface DigestWaiting extends DigestCharacter {
  /** Slots last week's vault unlocked (proven). */
  slots: number
  /**
   * How sure: `waiting` not logged in since the reset (certainly still there); `maybe-opened` logged in
   * since (it may have been opened); `unknown` no profile read since the reset. All from the last login:
   * an estimate, as on the board — unless `waitingFrom` names the addon save the game said it in.
   */
  waiting: Exclude<VaultWaiting, 'none' | 'opened'>
  waitingFrom: { addon: string; savedAt: string } | null
}

export interface DigestStep extends DigestCharacter {
  row: VaultRow
  kind: 'unlock' | 'upgrade'
  /** The slot of the row it unlocks or raises (1–3). */
  slot: number
  /** What it takes and what it gains: "1 more Mythic boss lifts slot 1 from 318 to 334". */
  step: string
}

export interface DigestUnknown extends DigestCharacter {
  /** The rows nobody could check, with the first reason each gives. */
  rows: { row: VaultRow; why: string | null }[]
}

export interface Digest {
  /** Each region present and when it resets next (ISO 8601 UTC), soonest first. */
  regions: { region: Region; resetAt: string }[]
  /** Last week's vault still there (for sure or maybe) and not marked as opened. */
  waiting: DigestWaiting[]
  /** One boss, run or activity from a new or better slot this week (rows someone could check). */
  oneStep: DigestStep[]
  /** Characters with a row nobody could check: what is left there is not known. */
  unknown: DigestUnknown[]
  /** All nine slots unlocked this week. */
  finished: DigestCharacter[]
  /** Every row checked and no slot unlocked yet this week. */
  nothingYet: DigestCharacter[]
}

type DigestInput = Pick<CharacterOverview, 'region' | 'realm' | 'realmName' | 'name' | 'lastWeek' | 'week' | 'trust' | 'nextSteps' | 'raid' | 'dungeons' | 'world'>

const iso = (ms: number) => new Date(ms).toISOString()

export function weekDigest(characters: readonly DigestInput[]): Digest {
  const who = (c: DigestInput): DigestCharacter => ({ region: c.region, realm: c.realm, realmName: c.realmName, name: c.name })
  const digest: Digest = { regions: resetsByRegion(characters).map((r) => ({ region: r.region, resetAt: iso(r.at) })), waiting: [], oneStep: [], unknown: [], finished: [], nothingYet: [] }
  for (const c of characters) {
    const { unlockedSlots, waiting } = c.lastWeek
    const from = c.lastWeek.waitingFrom
    if (vaultWaits(c) && unlockedSlots !== null && waiting !== 'none' && waiting !== 'opened') digest.waiting.push({ ...who(c), slots: unlockedSlots, waiting, waitingFrom: from ? { addon: from.addon, savedAt: iso(from.savedAt) } : null })

    const unknownRows = VAULT_ROWS.filter((row) => c.trust[row].status === 'unknown')
    if (unknownRows.length > 0) digest.unknown.push({ ...who(c), rows: unknownRows.map((row) => ({ row, why: c.trust[row].reasons[0] ?? null })) })
    else if (isFinished(c)) digest.finished.push(who(c))
    else if (VAULT_ROWS.every((row) => c[row].every((slot) => !slot.unlocked))) digest.nothingYet.push(who(c))

    const rows = VAULT_ROWS.map((row) => ({ row, steps: c.nextSteps[row], known: c.trust[row].status !== 'unknown' }))
    for (const row of rows) {
      const [step] = cheapestSteps([row], 1)
      if (step?.more === 1) digest.oneStep.push({ ...who(c), row: row.row, kind: step.kind, slot: step.slot, step: step.text })
    }
  }
  return digest
}

const ROW_WORDS: Record<VaultRow, string> = { raid: 'raid', dungeons: 'dungeons', world: 'world' }
const WAITING_WORDS: Record<DigestWaiting['waiting'], string> = {
  waiting: 'not logged in since the reset',
  'maybe-opened': 'logged in since the reset: maybe opened',
  unknown: 'not read since the reset: maybe opened',
}

/** "Thrall (US, Area 52)": the realm as the game writes it once a source named it. */
export function digestName(c: DigestCharacter): string {
  return `${c.name} (${c.region.toUpperCase()}, ${c.realmName ?? c.realm})`
}

/**
 * The digest as plain lines, the same in a terminal and (escaped) in Discord: the resets, then each
 * list with a heading; lists with no one are left out, and a digest with nothing to tell says so.
 */
export function digestLines(d: Digest, now: number): string[] {
  if (d.regions.length === 0) return ['No characters tracked (or none matches).']
  const lines = [`Reset: ${d.regions.map((r) => `${r.region.toUpperCase()} in ${duration(Date.parse(r.resetAt) - now)} (${utcTime(Date.parse(r.resetAt))})`).join(' · ')}`]
  const section = (title: string, entries: string[]) => {
    if (entries.length > 0) lines.push('', `${title} (${entries.length}):`, ...entries.map((e) => `  ${e}`))
  }
  section('Vaults waiting', d.waiting.map((w) => `${digestName(w)}: ${countOf(w.slots, 'slot')}, ${w.waitingFrom ? `the game says so (${w.waitingFrom.addon})` : WAITING_WORDS[w.waiting]}`))
  section('One step away', d.oneStep.map((s) => `${digestName(s)}: ${ROW_WORDS[s.row]}: ${s.step}`))
  section('Not fully checked', d.unknown.map((u) => `${digestName(u)}: ${u.rows.map((r) => `${ROW_WORDS[r.row]} unknown${r.why ? ` (${r.why})` : ''}`).join('; ')}`))
  section('No slot yet this week', d.nothingYet.map(digestName))
  section('Finished (9 of 9)', d.finished.map(digestName))
  if (lines.length === 1) lines.push('', 'Nothing to tell: no vault waiting, nobody one step from a slot.')
  return lines
}
