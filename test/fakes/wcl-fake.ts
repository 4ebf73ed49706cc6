import { buildSchema, graphql, type GraphQLSchema } from 'graphql'
import { basicCredentials, bearerToken, FakeServer, type LoggedRequest, type Reply } from './fake-server.ts'
import { fixtureText } from './fixtures.ts'

/** A fight as Warcraft Logs stores it: times are ms relative to the report start. */
export interface FakeFight {
  id: number
  encounterID: number
  name: string
  difficulty: number | null
  kill: boolean
  startTime: number
  endTime: number
  friendlyPlayers: number[]
}

export interface FakeReport {
  code: string
  startTime: number
  endTime: number
  fights: FakeFight[]
  actors: { id: number; name: string; server: string | null; type: string }[]
}

export interface FakeWclCharacter {
  id: number
  hidden?: boolean
  /** Newest first, as recentReports lists them. */
  reports: FakeReport[]
  /** `zoneRankings` JSON per WCL difficulty id. */
  zoneRankings?: Record<number, unknown>
}

let schema: GraphQLSchema | undefined
/** The full recorded v2 schema (svenliebig/wcl-blame dump): every query is validated against it. */
function wclSchema(): GraphQLSchema {
  schema ??= buildSchema(fixtureText('wcl-schema-v2.full.graphql'))
  return schema
}

/** Fake Warcraft Logs (token at /oauth/token, GraphQL at /api/v2/client) on 127.0.0.1. */
export class WarcraftLogsFake {
  readonly server: FakeServer
  /** Characters by `${serverRegion lower}/${serverSlug}/${lower-cased name}`. */
  readonly characters = new Map<string, FakeWclCharacter>()
  clientId = 'wcl-client'
  clientSecret = 'wcl-secret'
  limitPerHour = 3600
  pointsSpent = 0
  /** Points a query costs in this fake (the real cost model is not public). */
  pointsPerQuery = 2
  private readonly validTokens = new Set<string>()
  private issued = 0

  constructor() {
    this.server = new FakeServer((request) => this.route(request))
  }

  get url(): string {
    return this.server.url
  }

  get tokensIssued(): number {
    return this.issued
  }

  setCharacter(region: string, serverSlug: string, name: string, character: FakeWclCharacter): void {
    this.characters.set(`${region}/${serverSlug}/${name.toLowerCase()}`, character)
  }

  revokeTokens(): void {
    this.validTokens.clear()
  }

  /** The GraphQL requests received, parsed. */
  graphqlRequests(): { query: string; variables: Record<string, unknown> }[] {
    return this.server.requestsTo(/^\/api\/v2\/client$/).map((r) => JSON.parse(r.body) as { query: string; variables: Record<string, unknown> })
  }

  private async route(request: LoggedRequest): Promise<Reply> {
    if (request.path === '/oauth/token') return this.token(request)
    if (request.path !== '/api/v2/client' || request.method !== 'POST') return { status: 404, body: { error: 'Not found' } }
    const token = bearerToken(request.headers)
    if (!token || !this.validTokens.has(token)) return { status: 401, body: { error: 'Unauthenticated.' } }
    const { query, variables } = JSON.parse(request.body) as { query: string; variables?: Record<string, unknown> }
    this.pointsSpent += this.pointsPerQuery
    const result = await graphql({ schema: wclSchema(), source: query, variableValues: variables ?? {}, rootValue: this.rootValue() })
    return { status: 200, body: result }
  }

  /** Resolvers as plain objects: graphql-js calls function-valued fields with their arguments. */
  private rootValue() {
    const findReport = (code: string) => [...this.characters.values()].flatMap((c) => c.reports).find((r) => r.code === code)
    const reportObject = (report: FakeReport) => ({
      code: report.code,
      startTime: report.startTime,
      endTime: report.endTime,
      fights: ({ killType }: { killType?: string }) => report.fights.filter((f) => killType !== 'Kills' || (f.kill && f.encounterID !== 0)),
      masterData: { actors: ({ type }: { type?: string }) => report.actors.filter((a) => !type || a.type === type) },
    })
    return {
      rateLimitData: { limitPerHour: this.limitPerHour, pointsSpentThisHour: this.pointsSpent, pointsResetIn: 1800 },
      characterData: {
        character: (args: { name?: string; serverSlug?: string; serverRegion?: string }) => {
          const key = `${(args.serverRegion ?? '').toLowerCase()}/${args.serverSlug ?? ''}/${(args.name ?? '').toLowerCase()}`
          const character = this.characters.get(key)
          if (!character) return null
          return {
            id: character.id,
            name: args.name,
            hidden: character.hidden ?? false,
            // Paginated like the real ReportPagination (schema defaults: limit 10, page 1).
            recentReports: ({ limit = 10, page = 1 }: { limit?: number; page?: number }) => {
              const lastPage = Math.max(1, Math.ceil(character.reports.length / limit))
              return {
                data: character.reports.slice((page - 1) * limit, page * limit).map(reportObject),
                total: character.reports.length,
                per_page: limit,
                current_page: page,
                last_page: lastPage,
                has_more_pages: page < lastPage,
              }
            },
            zoneRankings: ({ difficulty }: { difficulty?: number }) => character.zoneRankings?.[difficulty ?? 0] ?? { rankings: [] },
          }
        },
      },
      reportData: {
        report: ({ code }: { code: string }) => {
          const report = findReport(code)
          return report ? reportObject(report) : null
        },
      },
    }
  }

  private token(request: LoggedRequest): Reply {
    const credentials = basicCredentials(request.headers)
    if (new URLSearchParams(request.body).get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } }
    if (credentials?.id !== this.clientId || credentials.secret !== this.clientSecret) return { status: 401, body: { error: 'invalid_client', message: 'Client authentication failed' } }
    this.issued += 1
    const token = `wcl-token-${this.issued}`
    this.validTokens.add(token)
    return { status: 200, body: { token_type: 'Bearer', expires_in: 31_104_000, access_token: token } }
  }
}
