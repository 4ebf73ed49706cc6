import { bossKeyFromName } from '../../../shared/domain/merge.ts'
import type { Difficulty } from '../../../shared/domain/types.ts'
import type { ReportKillsWire } from './wire.ts'
import { zoneRankingsJson } from './wire.ts'

/** A boss kill found in a log, with the absolute kill time. */
export interface LoggedKill {
  bossKey: string
  bossName: string
  encounterId: number
  difficulty: Difficulty
  killedAt: number
  reportCode: string
}

/** Warcraft Logs raid difficulty ids (api-contracts.md §3.4); 10 (Mythic+) and trash are ignored. */
const DIFFICULTY_BY_ID: Record<number, Difficulty> = { 1: 'lfr', 3: 'normal', 4: 'heroic', 5: 'mythic' }

/** Folds a server or realm name to compare them: "Area 52", "Area52" and "area-52" are equal [I]. */
export function serverKey(server: string): string {
  return server.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * Boss kills of one character in one report at or after `sinceMs`. The character is found among the
 * report's player actors by name and server; a fight counts when that actor was in it. Fight times are
 * relative to the report start, so kill time = report.startTime + fight.endTime.
 */
export function killsInReport(report: ReportKillsWire, characterName: string, realmSlug: string, sinceMs: number): LoggedKill[] {
  const wantedName = characterName.normalize('NFC').toLowerCase()
  const wantedServer = serverKey(realmSlug)
  const actorIds = new Set(
    (report.masterData?.actors ?? [])
      .filter((a) => a.id !== null && a.name?.normalize('NFC').toLowerCase() === wantedName && (a.server === null || serverKey(a.server) === wantedServer))
      .map((a) => a.id as number),
  )
  if (actorIds.size === 0) return []
  const kills: LoggedKill[] = []
  for (const fight of report.fights ?? []) {
    const difficulty = fight.difficulty === null ? undefined : DIFFICULTY_BY_ID[fight.difficulty]
    if (!difficulty || fight.encounterID === 0 || fight.kill !== true) continue
    if (!(fight.friendlyPlayers ?? []).some((id) => id !== null && actorIds.has(id))) continue
    const killedAt = report.startTime + fight.endTime
    if (killedAt < sinceMs) continue
    kills.push({ bossKey: bossKeyFromName(fight.name), bossName: fight.name, encounterId: fight.encounterID, difficulty, killedAt, reportCode: report.code })
  }
  return kills
}

/** Best parse percent of a boss on a difficulty. */
export interface BossParse {
  bossKey: string
  bossName: string
  difficulty: Difficulty
  percent: number
}

/** Parses one `zoneRankings` JSON value; bosses without a ranked kill are left out. */
export function parsesFromZoneRankings(json: unknown, difficulty: Difficulty): BossParse[] | undefined {
  if (json === null || json === undefined) return []
  const parsed = zoneRankingsJson.safeParse(json)
  if (!parsed.success) return undefined
  return parsed.data.rankings
    .filter((r) => typeof r.rankPercent === 'number')
    .map((r) => ({ bossKey: bossKeyFromName(r.encounter.name), bossName: r.encounter.name, difficulty, percent: r.rankPercent as number }))
}
