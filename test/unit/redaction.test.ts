import { describe, expect, it } from 'vitest'
import { createLineLogger, logLine } from '../../main/logging.ts'
import { redactCredentials } from '../../shared/redact.ts'

describe('secrets never reach a message or a log line', () => {
  it.each([
    ['credentials in a URL', 'GET https://me:hunter2@raider.io/api failed', 'GET https://***@raider.io/api failed'],
    ['a client secret in a query string', 'POST https://oauth.battle.net/token?grant_type=client_credentials&client_secret=s3cr3t&x=1', 'POST https://oauth.battle.net/token?grant_type=client_credentials&client_secret=***&x=1'],
    ['the OAuth code and state of a redirect', 'http://127.0.0.1:47615/callback?code=EUabc123&state=9f8e7d', 'http://127.0.0.1:47615/callback?code=***&state=***'],
    ['a form body', 'code=EUabc123&grant_type=authorization_code&redirect_uri=x', 'code=***&grant_type=authorization_code&redirect_uri=x'],
    ['tokens and passwords anywhere', 'refresh_token=r1 access_token=a1 password=p1', 'refresh_token=*** access_token=*** password=***'],
    ['a quoted secret in a JSON body', '{"error":"invalid_client","client_secret":"s3cr3t"}', '{"error":"invalid_client","client_secret":"***"}'],
    ['a Bearer token', 'Authorization: Bearer eyJhbGciOi.J9.x-y_z=', 'Authorization: Bearer ***'],
    ['HTTP Basic credentials', 'authorization: Basic Y2xpZW50OnNlY3JldA==', 'authorization: Basic ***'],
    ['a Discord webhook token', 'POST https://discord.com/api/webhooks/123456789012345678/AbC-dEf_123.x?wait=true failed', 'POST https://discord.com/api/webhooks/123456789012345678/***?wait=true failed'],
  ])('%s', (_what, text, expected) => {
    expect(redactCredentials(text)).toBe(expected)
  })

  it('leaves error codes and ordinary words alone', () => {
    expect(redactCredentials('source failed code=RATE_LIMITED error="Raider.IO asked us to wait"')).toBe('source failed code=RATE_LIMITED error="Raider.IO asked us to wait"')
    expect(redactCredentials('The bearer of bad news; state of the art')).toBe('The bearer of bad news; state of the art')
  })
})

describe('log lines', () => {
  it('a field with control characters is written escaped: one line, no terminal escape reaches the log', () => {
    const line = logLine('source failed', { character: 'us/area-52/Thrall', error: 'bad\u001b]52;c;aGk=\u0007name\u001b[2K', note: 'two\nlines' })
    expect(line).toBe('source failed character=us/area-52/Thrall error="bad\\u001b]52;c;aGk=\\u0007name\\u001b[2K" note="two\\nlines"')
    expect(line).not.toMatch(/\p{Cc}/u)
  })

  it('a message, and C1 controls and bidi overrides JSON would keep, are escaped too', () => {
    const line = logLine('dungeon \u009b31m\u202eevil\nnext')
    expect(line).toBe('dungeon \\u009b31m\\u202eevil\\u000anext')
  })

  it('the line logger writes exactly one line per entry, redacted', () => {
    const lines: string[] = []
    createLineLogger((l) => lines.push(l), () => 0).warn('token failed\r\nfake entry', { url: 'https://oauth.battle.net/token?client_secret=abc' })
    expect(lines).toEqual(['1970-01-01T00:00:00.000Z warn  token failed\\u000d\\u000afake entry url="https://oauth.battle.net/token?client_secret=***"\n'])
  })
})

describe('redaction is linear in the text (issue 28.1)', () => {
  it('a megabyte-long word is returned as it is (the old scheme pattern took minutes on it)', () => {
    const word = 'a'.repeat(1024 * 1024)
    expect(redactCredentials(word)).toBe(word)
    expect(redactCredentials(`${word}://user:pw@host`)).toBe(`${word}://***@host`)
  })
})
