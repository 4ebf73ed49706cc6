import { setTimeout as sleep } from 'node:timers/promises'
import { redactCredentials } from '../../shared/redact.ts'
import type { ErrorCode } from '../../shared/errors.ts'
import { err, ok, type Result } from '../../shared/result.ts'

/**
 * Posting the digest to a Discord channel through a webhook (discord.com/developers/docs/resources/
 * webhook#execute-webhook). The address is a secret (its last segment is the token): it is never
 * printed, and redacted wherever it could reach a message. Only Discord's own webhook addresses are
 * accepted; tests may let a loopback one through with VAULT_WEBHOOK_ALLOW_LOOPBACK=1.
 */

/** Discord refuses a message whose `content` is longer (its documented limit). */
export const DISCORD_CONTENT_LIMIT = 2000
/** A 429 asking for longer than this is not waited out: the post fails and says when to try again. */
const LONGEST_WAIT_MS = 60_000
/** Tries per message: the first and up to two after a 429 or a server error. */
const TRIES = 3
const TIMEOUT_MS = 15_000
const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com'])

export function parseWebhookUrl(text: string, env: Readonly<Record<string, string | undefined>>): Result<URL> {
  const refuse = (message: string) => err<URL>('INVALID_INPUT', message)
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return refuse('That is not a web address. Copy the webhook URL from Discord: channel settings → Integrations → Webhooks → Copy Webhook URL.')
  }
  const loopback = env.VAULT_WEBHOOK_ALLOW_LOOPBACK === '1' && url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.port !== ''
  if (loopback) return ok(url)
  if (url.protocol !== 'https:' || !DISCORD_HOSTS.has(url.hostname) || url.port !== '' || url.username !== '' || url.password !== '') {
    return refuse('Only a Discord webhook address is accepted: https://discord.com/api/webhooks/… (or discordapp.com).')
  }
  if (!/^\/api\/webhooks\/\d+\/[\w.-]+\/?$/.test(url.pathname)) {
    return refuse('That Discord address is not a webhook: it should look like https://discord.com/api/webhooks/<number>/<token>.')
  }
  return ok(url)
}

/** Discord's markdown would turn `*`, `_`, `~`, `` ` ``, `|`, `>` and `#` in a name into formatting. */
function escapeMarkdown(line: string): string {
  return line.replace(/[\\*_~`|>#[\]()-]/g, (c) => `\\${c}`)
}

export interface DiscordMessage {
  content: string
  /** Nothing in a digest may ping anyone (a name could read "@everyone"). */
  allowed_mentions: { parse: [] }
}

/**
 * The lines as Discord messages: escaped, in a code-free plain layout, each message within Discord's
 * length limit and split only between lines (a single line longer than the limit is cut, said with "…").
 */
export function discordMessages(title: string, lines: readonly string[]): DiscordMessage[] {
  const messages: string[] = []
  let current = `**${escapeMarkdown(title)}**`
  for (const raw of lines) {
    let line = raw === '' ? '' : escapeMarkdown(raw.replace(/^ {2}/, '• '))
    if (line.length > DISCORD_CONTENT_LIMIT) line = `${line.slice(0, DISCORD_CONTENT_LIMIT - 1)}…`
    if (current.length + 1 + line.length > DISCORD_CONTENT_LIMIT) {
      messages.push(current)
      current = line
    } else current = current === '' ? line : `${current}\n${line}`
  }
  if (current.trim() !== '') messages.push(current)
  return messages.map((content) => ({ content, allowed_mentions: { parse: [] } }))
}

export interface PostOptions {
  fetch?: typeof globalThis.fetch
  /** Waits between tries (tests pass a fake). */
  wait?: (ms: number) => Promise<void>
}

/** Posts the messages in order; stops at the first that fails, saying how many went out. */
export async function postToWebhook(url: URL, messages: readonly DiscordMessage[], options: PostOptions = {}): Promise<Result<{ posted: number }>> {
  const fetch = options.fetch ?? globalThis.fetch
  const wait = options.wait ?? ((ms: number) => sleep(ms))
  for (const [index, message] of messages.entries()) {
    const sent = await postOne(url, message, fetch, wait)
    if (!sent.ok) {
      const already = index === 0 ? '' : ` (${index} of ${messages.length} messages were posted before it)`
      return err(sent.error.code, `${sent.error.message}${already}`)
    }
  }
  return ok({ posted: messages.length })
}

async function postOne(url: URL, message: DiscordMessage, fetch: typeof globalThis.fetch, wait: (ms: number) => Promise<void>): Promise<Result<void>> {
  const fail = (code: ErrorCode, text: string) => err<void>(code, redactCredentials(text))
  for (let attempt = 1; ; attempt += 1) {
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message), redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) })
    } catch (cause) {
      const timedOut = cause instanceof Error && cause.name === 'TimeoutError'
      return fail(timedOut ? 'TIMEOUT' : 'UPSTREAM_ERROR', timedOut ? `Discord did not answer within ${TIMEOUT_MS / 1000} s; nothing more was posted.` : 'Could not reach Discord (no network?); nothing more was posted.')
    }
    const body = await readBody(response)
    if (response.ok) return ok(undefined)
    if (response.status === 429) {
      const waitMs = retryAfterMs(body, response.headers)
      if (attempt < TRIES && waitMs <= LONGEST_WAIT_MS) {
        await wait(waitMs)
        continue
      }
      return fail('RATE_LIMITED', `Discord asked us to slow down (HTTP 429) for ${Math.ceil(waitMs / 1000)} s; try again after that.`)
    }
    if (response.status >= 500 && attempt < TRIES) {
      await wait(1000 * attempt)
      continue
    }
    if (response.status === 404 || response.status === 401) return fail('BAD_CONFIG', `Discord does not know this webhook (HTTP ${response.status}): it was deleted, or the address is incomplete. Create a new one and use its address.`)
    const said = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? `: ${(body as { message: string }).message.slice(0, 200)}` : ''
    return fail('UPSTREAM_ERROR', `Discord refused the post (HTTP ${response.status})${said}.`)
  }
}

async function readBody(response: Response): Promise<unknown> {
  try {
    const text = (await response.text()).slice(0, 10_000)
    return text === '' ? null : JSON.parse(text)
  } catch {
    return null
  }
}

/** Discord's 429 says `retry_after` in seconds in its body; the Retry-After header is the fallback. */
function retryAfterMs(body: unknown, headers: Headers): number {
  const fromBody = typeof body === 'object' && body !== null ? (body as { retry_after?: unknown }).retry_after : undefined
  const seconds = typeof fromBody === 'number' ? fromBody : Number(headers.get('retry-after'))
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : 1000
}
