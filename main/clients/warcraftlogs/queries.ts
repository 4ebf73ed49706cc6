/** GraphQL documents for Warcraft Logs v2; every field exists in the real schema (api-contracts.md §3.2). */

const RATE_LIMIT = 'rateLimitData { limitPerHour pointsSpentThisHour pointsResetIn }'

/** The character and its recent reports (newest first is assumed [I], so callers filter by time). */
export const CHARACTER_REPORTS = /* GraphQL */ `
  query CharacterReports($name: String!, $serverSlug: String!, $serverRegion: String!, $limit: Int!) {
    ${RATE_LIMIT}
    characterData {
      character(name: $name, serverSlug: $serverSlug, serverRegion: $serverRegion) {
        id
        name
        hidden
        recentReports(limit: $limit) { data { code startTime endTime } }
      }
    }
  }
`

/**
 * Kills and player actors of several reports in one round trip, one alias per report code. Codes go
 * in as variables, never spliced into the text.
 */
export function reportKillsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$c${i}: String!`).join(', ')
  const reports = Array.from({ length: count }, (_, i) => `r${i}: report(code: $c${i}) { ...ReportKills }`).join('\n      ')
  return /* GraphQL */ `
  query ReportKills(${variables}) {
    ${RATE_LIMIT}
    reportData {
      ${reports}
    }
  }
  fragment ReportKills on Report {
    code
    startTime
    fights(killType: Kills) { id encounterID name difficulty kill startTime endTime friendlyPlayers }
    masterData { actors(type: "Player") { id name server } }
  }
`
}

/** Best parse per boss of the current raid zone, one alias per rankable difficulty (WCL ranks no LFR). */
export const ZONE_PARSES = /* GraphQL */ `
  query ZoneParses($name: String!, $serverSlug: String!, $serverRegion: String!) {
    ${RATE_LIMIT}
    characterData {
      character(name: $name, serverSlug: $serverSlug, serverRegion: $serverRegion) {
        hidden
        normal: zoneRankings(difficulty: 3)
        heroic: zoneRankings(difficulty: 4)
        mythic: zoneRankings(difficulty: 5)
      }
    }
  }
`
