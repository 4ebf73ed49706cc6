import { FakeServer, type LoggedRequest, type Reply } from './fake-server.ts'
import { fixture } from './fixtures.ts'

/**
 * Fake Raider.IO API on 127.0.0.1 (VAULT_RAIDERIO_URL). Unknown characters and realms answer 400 with
 * the recorded error bodies, as Raider.IO does.
 */
export class RaiderIoFake {
  readonly server: FakeServer
  /** Profiles by `${region}/${realm slug}/${lower-cased name}`. */
  readonly profiles = new Map<string, unknown>()
  readonly realms = new Set<string>()
  periods: unknown = fixture('raiderio-periods.2026-08.json')
  readonly raidingStaticData = new Map<number, unknown>([[10, fixture('raiderio-raiding-static-data.tww-expansion-10.json')]])
  /** Mythic+ static data by expansion id; an expansion not here answers 400 "unsupported", as Raider.IO does. */
  readonly mythicPlusStaticData = new Map<number, unknown>([[10, fixture('raiderio-mythic-plus-static-data.tww-s3-trimmed.json')]])

  constructor() {
    this.server = new FakeServer((request) => this.route(request))
  }

  get url(): string {
    return this.server.url
  }

  /** Guild profiles by `${region}/${realm slug}/${lower-cased guild name}`. */
  readonly guilds = new Map<string, unknown>()

  setGuild(region: string, realm: string, guild: string, profile: unknown): void {
    this.guilds.set(`${region}/${realm}/${guild.toLowerCase()}`, profile)
  }

  setProfile(region: string, realm: string, name: string, profile: unknown): void {
    this.realms.add(`${region}/${realm}`)
    this.profiles.set(`${region}/${realm}/${name.toLowerCase()}`, profile)
  }

  private route(request: LoggedRequest): Reply {
    switch (request.path) {
      case '/api/v1/periods':
        return { status: 200, body: this.periods }
      case '/api/v1/raiding/static-data': {
        const data = this.raidingStaticData.get(Number(request.query.get('expansion_id')))
        return data ? { status: 200, body: data } : badRequest('Requested unsupported expansion_id')
      }
      case '/api/v1/mythic-plus/static-data': {
        const data = this.mythicPlusStaticData.get(Number(request.query.get('expansion_id')))
        return data ? { status: 200, body: data } : badRequest('Requested unsupported expansion_id')
      }
      case '/api/v1/characters/profile': {
        const region = request.query.get('region') ?? ''
        const realm = request.query.get('realm') ?? ''
        const name = (request.query.get('name') ?? '').toLowerCase()
        if (!['us', 'eu', 'kr', 'tw', 'cn'].includes(region)) return badRequest('"region" must be one of [us, eu, kr, tw, cn]')
        if (!this.realms.has(`${region}/${realm}`)) return { status: 400, body: { ...fixture<object>('raiderio-error-400-unknown-realm.json'), message: `Failed to find realm ${realm} in region ${region}` } }
        const profile = this.profiles.get(`${region}/${realm}/${name}`)
        return profile ? { status: 200, body: profile } : { status: 400, body: fixture('raiderio-error-400-unknown-character.json') }
      }
      case '/api/v1/guilds/profile': {
        const key = `${request.query.get('region')}/${request.query.get('realm')}/${(request.query.get('name') ?? '').toLowerCase()}`
        if (request.query.get('fields') !== 'members') return badRequest('invalid request query input')
        return this.guilds.has(key) ? { status: 200, body: this.guilds.get(key) } : badRequest('Could not find requested guild')
      }
      default:
        return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'Not Found' } }
    }
  }
}

function badRequest(message: string): Reply {
  return { status: 400, body: { statusCode: 400, error: 'Bad Request', message } }
}
