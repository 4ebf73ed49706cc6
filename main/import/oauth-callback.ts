import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How long the app waits for the player to finish on Blizzard's page. */
export const SIGN_IN_TIMEOUT_MS = 5 * 60 * 1000

/**
 * The exact redirect URI the player registers on their Blizzard API client. The loopback address, not
 * `localhost`: the server listens on 127.0.0.1 only, and a browser resolving `localhost` to ::1 would
 * hand the code to whatever else listens there on the same port (RFC 8252 §7.3 and §8.3).
 */
export function redirectUriFor(port: number): string {
  return `http://127.0.0.1:${port}/callback`
}

/** Why the sign-in ended without a code; `message` is for the player and says what to do next. */
export class SignInError extends Error {
  readonly reason: 'denied' | 'blizzard-error' | 'timeout' | 'port-in-use' | 'cancelled'
  constructor(reason: SignInError['reason'], message: string) {
    super(message)
    this.name = 'SignInError'
    this.reason = reason
  }
}

export interface PendingSignIn {
  redirectUri: string
  /** The authorization code, once the browser comes back; rejects with a SignInError. */
  code: Promise<string>
  /** Stops waiting (the player cancelled); the promise rejects with reason `cancelled`. */
  cancel(): void
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${title}</title><style>body{font:16px system-ui,sans-serif;margin:3em}</style></head><body><h1>${title}</h1><p>${text}</p></body></html>`

/**
 * A one-shot HTTP server on 127.0.0.1 that waits for Blizzard to send the player's browser back with
 * `?code=…&state=…`. It answers only `/callback` and accepts only the `state` this import created: any
 * other request is refused and the wait goes on (a web page can make the browser load the address,
 * e.g. with an `<img>`, and must not be able to end or steer the sign-in). It closes after the answer
 * with the right state, a timeout or a cancel, and never listens beyond the loopback interface.
 */
export async function listenForSignIn(options: { port: number; state: string; timeoutMs?: number }): Promise<PendingSignIn> {
  const { port, state, timeoutMs = SIGN_IN_TIMEOUT_MS } = options
  let settle: { resolve(code: string): void; reject(error: SignInError): void } | undefined
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }))
  // Nothing may go unhandled if the caller stops listening first.
  code.catch(() => undefined)

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const answer = (status: number, title: string, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      response.end(page(title, text))
    }
    if (request.method !== 'GET' || url.pathname !== '/callback') return answer(404, 'Not found', 'Nothing here.')
    const query = url.searchParams
    if (query.get('state') !== state) {
      // Not this sign-in's answer: refused, and the real one is still awaited.
      return answer(400, 'Sign-in refused', 'This answer does not belong to the import Vault Companion is waiting for, so it was ignored. If you started an import, finish it in the tab Vault Companion opened.')
    }
    const error = query.get('error')
    if (error === 'access_denied') {
      answer(200, 'Import cancelled', 'You declined access, so nothing was imported. You can close this tab.')
      return finish(new SignInError('denied', 'You declined access on Blizzard\'s page, so nothing was imported. To import, start again and choose "Allow".'))
    }
    if (error || !query.get('code')) {
      const detail = query.get('error_description') ?? error ?? 'no code'
      answer(200, 'Sign-in failed', 'Blizzard reported an error. Nothing was imported. You can close this tab.')
      return finish(new SignInError('blizzard-error', `Blizzard's sign-in reported an error (${detail}). Check that ${redirectUriFor(port)} is registered as a redirect URL on your API client, then try again.`))
    }
    answer(200, 'Signed in', 'Vault Companion received your sign-in and is reading your characters. You can close this tab.')
    finish(query.get('code') as string)
  })

  const timeout: { timer?: NodeJS.Timeout } = {}
  function finish(result: string | SignInError): void {
    if (!settle) return
    const { resolve, reject } = settle
    settle = undefined
    clearTimeout(timeout.timer)
    server.close()
    // Keep-alive connections from the browser would hold the server open.
    server.closeAllConnections()
    if (typeof result === 'string') resolve(result)
    else reject(result)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new SignInError('port-in-use', `Port ${port} is in use by another program. Choose another port for the import in Settings (and register its redirect URL on your Blizzard API client).`)
          : error,
      ),
    )
    server.listen(port, '127.0.0.1', () => resolve())
  })
  // Port 0 (tests) lets the OS pick one: the redirect URI must name the real one.
  const listening = (server.address() as AddressInfo).port
  timeout.timer = setTimeout(() => finish(new SignInError('timeout', `No answer from Blizzard's sign-in page within ${Math.round(timeoutMs / 60_000)} minutes, so nothing was imported. Start the import again when you are ready.`)), timeoutMs)
  return {
    redirectUri: redirectUriFor(listening),
    code,
    cancel: () => finish(new SignInError('cancelled', 'The import was cancelled; nothing was imported.')),
  }
}
