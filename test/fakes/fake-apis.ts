import { readSourcesConfig, type SourcesConfig } from '../../main/config.ts'
import { BlizzardFake } from './blizzard-fake.ts'
import { RaiderIoFake } from './raiderio-fake.ts'
import { WarcraftLogsFake } from './wcl-fake.ts'

/** All three fake APIs, and the environment that points the app at them. */
export interface FakeApis {
  blizzard: BlizzardFake
  wcl: WarcraftLogsFake
  raiderio: RaiderIoFake
  env: Record<string, string>
  config(): SourcesConfig
  close(): Promise<void>
}

export async function startFakeApis(): Promise<FakeApis> {
  const blizzard = new BlizzardFake()
  const wcl = new WarcraftLogsFake()
  const raiderio = new RaiderIoFake()
  await Promise.all([blizzard.server.start(), wcl.server.start(), raiderio.server.start()])
  const env = {
    VAULT_BLIZZARD_CLIENT_ID: blizzard.clientId,
    VAULT_BLIZZARD_CLIENT_SECRET: blizzard.clientSecret,
    VAULT_BLIZZARD_API_URL: blizzard.apiUrlTemplate,
    VAULT_BLIZZARD_OAUTH_URL: blizzard.oauthUrl,
    VAULT_WCL_CLIENT_ID: wcl.clientId,
    VAULT_WCL_CLIENT_SECRET: wcl.clientSecret,
    VAULT_WCL_URL: wcl.url,
    VAULT_RAIDERIO_URL: raiderio.url,
  }
  return {
    blizzard,
    wcl,
    raiderio,
    env,
    config: () => readSourcesConfig(env),
    close: async () => {
      await Promise.all([blizzard.server.close(), wcl.server.close(), raiderio.server.close()])
    },
  }
}
