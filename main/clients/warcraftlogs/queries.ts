/** GraphQL documents for Warcraft Logs v2; every field exists in the real schema (api-contracts.md §3.2). */

const RATE_LIMIT = 'rateLimitData { limitPerHour pointsSpentThisHour pointsResetIn }'

/**
 * One page of the character's recent reports (newest first is assumed [I], so callers filter by time),
 * each with its kill fights and player actors: one round trip per page (game-rules.md §10).
 */
export const CHARACTER_REPORT_KILLS = /* GraphQL */ `
  query CharacterReportKills($name: String!, $serverSlug: String!, $serverRegion: String!, $limit: Int!, $page: Int!) {
    ${RATE_LIMIT}
    characterData {
      character(name: $name, serverSlug: $serverSlug, serverRegion: $serverRegion) {
        id
        name
        hidden
        recentReports(limit: $limit, page: $page) {
          current_page
          has_more_pages
          last_page
          data {
            code
            startTime
            endTime
            fights(killType: Kills) { id encounterID name difficulty kill startTime endTime friendlyPlayers }
            masterData { actors(type: "Player") { id name server } }
          }
        }
      }
    }
  }
`

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
