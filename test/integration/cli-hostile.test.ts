import { describe, expect, it } from 'vitest'
import type { Fault } from '../fakes/fake-server.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { HOUR, RESET, thrallScenario } from '../support/scenario.ts'

/**
 * The CLI against a hostile Raider.IO, after one good sync: every fault ends in bounded time (a hang
 * check, not a speed target), exits 1 with a clear message, and loses nothing stored before.
 */
const h = useCoreHarness('2026-11-26T12:00:00.000Z')
const { blizzard, raiderio, logs, run } = thrallScenario(h)
const MB = 1024 * 1024

const runCliWith = cliRunner(h)
const cli = (...args: string[]) => runCliWith(args)

const cases: { label: string; fault: Fault; message: RegExp }[] = [
  { label: 'a body that stalls after the headers', fault: { kind: 'stallBody' }, message: /ran out of time|did not answer in time/ },
  { label: 'a body trickling a byte at a time', fault: { kind: 'trickle', everyMs: 200 }, message: /ran out of time|did not answer in time/ },
  { label: 'a gzip bomb', fault: { kind: 'gzipBomb', inflatedBytes: 64 * MB }, message: /larger than 2 MB/ },
  { label: 'a huge body', fault: { kind: 'huge', bytes: 3 * MB }, message: /larger than 2 MB/ },
  { label: 'a redirect to another host', fault: { kind: 'redirect', location: 'http://127.0.0.1:9/elsewhere' }, message: /redirected the request to 127\.0\.0\.1:9/ },
  { label: 'an HTML error page', fault: { kind: 'malformed' }, message: /sent a web page/ },
  { label: 'data of the wrong shape', fault: { kind: 'status', status: 200, body: { surprise: true } }, message: /unexpected shape/ },
  { label: '503 with Retry-After: 80000', fault: { kind: 'status', status: 503, headers: { 'retry-after': '80000' } }, message: /asked us to wait \(HTTP 503\); the next try is after [A-Z][a-z]{2} \d+ \d\d:\d\d UTC/ },
  { label: '429 with a Retry-After of 10^22 seconds', fault: { kind: 'status', status: 429, headers: { 'retry-after': '9'.repeat(22) } }, message: /asked us to wait more than a day \(HTTP 429\); the next sync will ask again/ },
  { label: '429 with Retry-After: 30', fault: { kind: 'status', status: 429, headers: { 'retry-after': '30' } }, message: /asked us to wait \(HTTP 429\)/ },
]

describe('cli sync against a hostile Raider.IO', () => {
  it.each(cases)('$label: exit 1 in bounded time, a clear message, nothing stored lost', async ({ fault, message }) => {
    blizzard([])
    logs([])
    raiderio([run('Murder Row', 12, RESET + HOUR)])
    await cli('track', 'us/area-52/Thrall')
    expect((await cli('sync')).code).toBe(0)

    h.apis.raiderio.server.failNext(/characters\/profile/, fault, 20)
    const started = Date.now()
    const result = await cli('sync', '--json', '--time-limit', '3')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.code).toBe(1)
    const [report] = (JSON.parse(result.stdout) as { results: { sources: { raiderio: { status: string; error: string } }; dungeons: { runs: { dungeon: string }[] } }[] }).results
    expect(report?.sources.raiderio.status).toBe('error')
    expect(report?.sources.raiderio.error).toMatch(message)
    expect(report?.dungeons.runs.map((r) => r.dungeon)).toEqual(['Murder Row'])
    expect(result.stderr).toBe('') // --json: stdout only, no stack trace anywhere
  }, 20_000)
})

describe('terminal escapes from a source', () => {
  // OSC 52 writes the clipboard, OSC 0 retitles the window, CSI 2K erases the line, a C1 CSI, a bidi override.
  const hostile = 'Murder Row\u001b]52;c;cm0gLXJmIH4=\u0007\u001b]0;pwned\u0007\u001b[2K\r\u009b31m\u202e\u061c\u2066'
  const ACTIVE = /(?![\n\t])[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u

  it('nothing a source sent reaches the terminal as a control sequence, in sync and in every later vault; --json keeps the exact text', async () => {
    blizzard([])
    logs([])
    raiderio([run(hostile, 12, RESET + HOUR)])
    await cli('track', 'us/area-52/Thrall')
    const synced = await cli('sync')
    expect(synced.code).toBe(0)
    for (const text of [synced.stdout, synced.stderr, (await cli('vault', 'us/area-52/Thrall')).stdout]) {
      expect(text).not.toMatch(ACTIVE)
    }
    expect(synced.stdout).toContain('Murder Row')
    expect((await cli('vault', 'us/area-52/Thrall')).stdout).toContain('+12 Murder Row\ufffd]52;c;cm0gLXJmIH4=\ufffd')
    // --json: the exact text once parsed, but C1 controls and bidi marks reach the terminal only as \u escapes (issue 28.6).
    const printed = await cli('vault', 'us/area-52/Thrall', '--json')
    expect(printed.stdout).not.toMatch(ACTIVE)
    expect(printed.stdout).toContain('\\u009b31m\\u202e\\u061c\\u2066')
    const json = printed.json() as { dungeons: { runs: { dungeon: string }[] } }
    expect(json.dungeons.runs[0]?.dungeon).toBe(hostile)
  })

  it('an error text from a source is made safe on stderr too', async () => {
    blizzard([])
    logs([])
    raiderio([])
    await cli('track', 'us/area-52/Thrall')
    h.apis.raiderio.server.failNext(/characters\/profile/, { kind: 'status', status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'nope\u001b]0;pwned\u0007' } }, 5)
    const result = await cli('sync')
    expect(result.stdout + result.stderr).toContain('nope\ufffd]0;pwned\ufffd')
    expect(result.stdout + result.stderr).not.toMatch(/(?![\n\t])\p{Cc}/u)
  })
})
