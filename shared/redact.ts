/**
 * Secrets never reach a message or a log line: credentials inside URLs (`https://user:secret@host/…`),
 * secret query or form parameters (`client_secret=…`, `code=…`, `state=…`, tokens, passwords) and the
 * value of an `Authorization`-style `Bearer …` / `Basic …`, and a Discord webhook's token. Each is
 * replaced by `***`.
 */

/** Names whose value is a secret wherever they appear (query, form body, a log's key=value). */
const SECRET_PARAMETERS = ['client_secret', 'access_token', 'refresh_token', 'id_token', 'token', 'password', 'secret', 'api_key', 'access_key']
/**
 * The OAuth code and state are single-use credentials in a query or form body (`?code=…&state=…`), but
 * `code=RATE_LIMITED` in a log line is an error code: these two are redacted only after `?` or `&` (or at the very start, as a form body).
 */
const QUERY_ONLY_SECRETS = ['code', 'state']

// Anchored on `://` alone: a pattern that first matched the scheme's letters re-scanned every run of
// letters from each of its positions, quadratic on a long word (seconds for a 100 KB error text).
const URL_CREDENTIALS = /(:\/\/)[^/\s@]+@/g
// `name=value` after a start, `?`, `&`, `;`, a space or a quote; the value runs to the next separator.
const SECRET_PARAMETER = new RegExp(`(^|[?&;\\s"'{,])(${SECRET_PARAMETERS.join('|')})=([^&\\s"'#;,}]+)`, 'gi')
const QUERY_SECRET = new RegExp(`(^|[?&])(${QUERY_ONLY_SECRETS.join('|')})=([^&\\s"'#;,}]+)`, 'gi')
// JSON-ish `"client_secret": "…"` as an error body may quote it.
const SECRET_JSON_FIELD = new RegExp(`("(?:${SECRET_PARAMETERS.join('|')})"\\s*:\\s*")([^"]*)(")`, 'gi')
// A Discord webhook's address carries its token as the last path segment (`/api/webhooks/<id>/<token>`).
const WEBHOOK_TOKEN = /(\/api\/webhooks\/\d+\/)[^/?#\s"']+/g
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g

export function redactCredentials(text: string): string {
  return text
    .replace(URL_CREDENTIALS, '$1***@')
    .replace(SECRET_PARAMETER, '$1$2=***')
    .replace(QUERY_SECRET, '$1$2=***')
    .replace(SECRET_JSON_FIELD, '$1***$3')
    .replace(WEBHOOK_TOKEN, '$1***')
    .replace(AUTH_SCHEME, '$1 ***')
}
