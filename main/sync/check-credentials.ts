import type { CredentialSource } from '../../shared/ipc-api.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { createHttp, type HttpOptions } from '../clients/http.ts'
import { createTokenProvider } from '../clients/oauth.ts'
import { SourceError } from '../clients/source-error.ts'
import { blizzardOauthUrl, readSourcesConfig, type ClientCredentials } from '../config.ts'

/**
 * Asks the source for one token with these credentials, so Settings can say whether they work before
 * anything is saved: a rejected pair is never stored, and neither is one that could not be checked.
 */
export async function checkCredentials(source: CredentialSource, credentials: ClientCredentials, env: NodeJS.ProcessEnv, http: Omit<HttpOptions, 'source'> = {}): Promise<Result<void>> {
  const config = readSourcesConfig(env, { [source]: credentials })
  const tokenUrl = source === 'blizzard' ? blizzardOauthUrl(config.blizzard!, 'us') : `${config.warcraftlogs!.baseUrl}/oauth/token`
  try {
    await createTokenProvider(createHttp({ ...http, source, retries: 0 }), tokenUrl, credentials).token()
    return ok(undefined)
  } catch (error) {
    const failure = error instanceof SourceError ? error : new SourceError(source, 'UPSTREAM_ERROR', String(error))
    const advice = failure.code === 'AUTH_FAILED' ? 'Check the client id and secret (copy them again from the API client page).' : 'Try again when it answers.'
    return err(failure.code, `${failure.message} ${advice} Nothing was saved.`.replace(/\s+/g, ' '))
  }
}
