import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

/** What a fake server received, so tests can assert what was sent. */
export interface LoggedRequest {
  method: string
  /** Percent-decoded path. */
  path: string
  /** The path exactly as it came over the wire. */
  rawPath: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

/**
 * A failure to inject into the next matching request(s):
 * - `status`: answer with this status (and optional body and headers, e.g. Retry-After);
 * - `slow`: wait `delayMs` before answering normally (past the client's timeout);
 * - `truncated`: a JSON body cut in half; `malformed`: not JSON at all;
 * - `graphqlErrors`: HTTP 200 with a GraphQL `errors` array and no data;
 * - `hangUp`: close the connection without an answer (a network error);
 * - `stallBody`: send the headers and half the body, then nothing (until the client gives up);
 * - `trickle`: send the body one byte every `everyMs` (each byte "on time", the whole never);
 * - `gzipBomb`: a small gzip body that inflates to `inflatedBytes` of JSON-ish text;
 * - `huge`: an uncompressed body of `bytes`;
 * - `redirect`: 302 to `location` (another host).
 */
export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'truncated' }
  | { kind: 'malformed' }
  | { kind: 'graphqlErrors'; message: string }
  | { kind: 'hangUp' }
  | { kind: 'stallBody' }
  | { kind: 'trickle'; everyMs: number }
  | { kind: 'gzipBomb'; inflatedBytes: number }
  | { kind: 'huge'; bytes: number }
  | { kind: 'redirect'; location: string }

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Route = (request: LoggedRequest) => Reply | Promise<Reply>

/** A loopback HTTP server with a request log and fault switches; routes are supplied per fake API. */
export class FakeServer {
  readonly requests: LoggedRequest[] = []
  /** When each request arrived (performance.now()), in the order of `requests`. */
  readonly requestTimes: number[] = []
  /** Arrival and answer of every request, in epoch ms comparable across processes (the benchmark's critical path). */
  readonly timeline: { arrived: number; answered: number }[] = []
  url = ''
  /** Added to every answer, to imitate a distant server (the benchmark uses it). */
  latencyMs = 0
  /** Optional hold: a request waits for the returned promise before it is answered. */
  gate: ((path: string) => Promise<void> | undefined) | undefined
  private readonly server: Server
  private readonly faults: { match: RegExp; fault: Fault; remaining: number }[] = []
  private readonly route: Route

  constructor(route: Route) {
    this.route = route
    this.server = createServer((req, res) => void this.handle(req, res))
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  /** Injects `fault` into the next `times` requests whose path matches. */
  failNext(match: RegExp, fault: Fault, times = 1): void {
    this.faults.push({ match, fault, remaining: times })
  }

  /** Drops faults that were injected but not used. */
  clearFaults(): void {
    this.faults.length = 0
  }

  /** Requests whose path matches, in order. */
  requestsTo(match: RegExp): LoggedRequest[] {
    return this.requests.filter((r) => match.test(r.path))
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://fake')
    const request: LoggedRequest = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), rawPath: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
    this.requests.push(request)
    this.requestTimes.push(performance.now())
    const entry = { arrived: performance.timeOrigin + performance.now(), answered: Number.NaN }
    this.timeline.push(entry)
    res.on('finish', () => (entry.answered = performance.timeOrigin + performance.now()))

    const fault = this.takeFault(request.path)
    if (fault?.kind === 'hangUp') {
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    await this.gate?.(request.path)
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
    if (fault?.kind === 'status') return send(res, { status: fault.status, body: fault.body ?? { message: `fake ${fault.status}` }, headers: fault.headers })
    if (fault?.kind === 'malformed') return sendRaw(res, 200, '<html>502 Bad Gateway</html>', 'application/json')
    if (fault?.kind === 'graphqlErrors') return send(res, { status: 200, body: { errors: [{ message: fault.message, locations: [{ line: 1, column: 1 }] }] } })
    if (fault?.kind === 'redirect') return send(res, { status: 302, headers: { location: fault.location } })
    if (fault?.kind === 'gzipBomb') {
      const bomb = gzipBomb(fault.inflatedBytes)
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length })
      return void res.end(bomb)
    }
    if (fault?.kind === 'huge') return sendRaw(res, 200, `{"pad":"${'x'.repeat(Math.max(0, fault.bytes - 10))}"}`, 'application/json')

    let reply: Reply
    try {
      reply = await this.route(request)
    } catch (error) {
      reply = { status: 500, body: { message: error instanceof Error ? error.message : String(error) } }
    }
    if (fault?.kind === 'truncated') {
      const text = JSON.stringify(reply.body)
      return sendRaw(res, reply.status, text.slice(0, Math.floor(text.length / 2)), 'application/json')
    }
    if (fault?.kind === 'stallBody' || fault?.kind === 'trickle') {
      const text = JSON.stringify(reply.body)
      res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      if (fault.kind === 'stallBody') return void res.write(text.slice(0, Math.floor(text.length / 2)))
      let sent = 0
      const timer = setInterval(() => {
        if (res.destroyed || sent >= text.length) return clearInterval(timer)
        res.write(text[sent++])
      }, fault.everyMs)
      res.on('close', () => clearInterval(timer))
      return
    }
    send(res, reply)
  }

  private takeFault(path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.match.test(path))
    if (index < 0) return undefined
    const entry = this.faults[index]!
    entry.remaining -= 1
    if (entry.remaining <= 0) this.faults.splice(index, 1)
    return entry.fault
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status, reply.headers)
    res.end()
    return
  }
  sendRaw(res, reply.status, JSON.stringify(reply.body), 'application/json;charset=UTF-8', reply.headers)
}

function sendRaw(res: ServerResponse, status: number, text: string, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

/**
 * A gzip body that inflates to about `inflatedBytes`: one member of 1 MiB of spaces repeated (gzip
 * members concatenate), so even a 1 GiB bomb costs the fake only about a megabyte to build.
 */
function gzipBomb(inflatedBytes: number): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024, ' '), { level: 9 })
  return Buffer.concat(Array.from({ length: Math.max(1, Math.round(inflatedBytes / (1024 * 1024))) }, () => member))
}

/** Decodes HTTP Basic credentials, if present. */
export function basicCredentials(headers: IncomingHttpHeaders): { id: string; secret: string } | undefined {
  const match = /^Basic (.+)$/i.exec(headers.authorization ?? '')
  if (!match?.[1]) return undefined
  const [id = '', ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':')
  return { id, secret: rest.join(':') }
}

/** The bearer token of a request, if present. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  return /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1]
}
