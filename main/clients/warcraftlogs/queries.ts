/** GraphQL documents for Warcraft Logs v2; every field exists in the real schema (api-contracts.md §3.2). */

const RATE_LIMIT = 'rateLimitData { limitPerHour pointsSpentThisHour pointsResetIn }'

/**
 * One page of the character's recent reports (newest first is assumed [I], so callers filter by time),
 * each with its kill fights and player actors, and on the first page the best parses of the current
 * raid zone (one alias per rankable difficulty; WCL ranks no LFR): a character's week in one round trip
 * (game-rules.md §10).
 */
export const CHARACTER_WEEK = /* GraphQL */ `
  query CharacterWeek($name: String!, $serverSlug: String!, $serverRegion: String!, $limit: Int!, $page: Int!, $withRankings: Boolean!) {
    ${RATE_LIMIT}
    characterData {
      character(name: $name, serverSlug: $serverSlug, serverRegion: $serverRegion) {
        id
        name
        hidden
        normal: zoneRankings(difficulty: 3) @include(if: $withRankings)
        heroic: zoneRankings(difficulty: 4) @include(if: $withRankings)
        mythic: zoneRankings(difficulty: 5) @include(if: $withRankings)
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
