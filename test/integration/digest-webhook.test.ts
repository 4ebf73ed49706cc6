import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { discordMessages, DISCORD_CONTENT_LIMIT, parseWebhookUrl, postToWebhook, type DiscordMessage } from '../../main/digest/discord-webhook.ts'
import { FakeServer, type Reply } from '../fakes/fake-server.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { thrallEverywhere } from '../support/scenario.ts'

const LOOPBACK = { VAULT_WEBHOOK_ALLOW_LOOPBACK: '1' }
const TOKEN = 'sEcReT-t0ken_value'

/** A fake Discord: records each posted message and answers what the test queues (204 otherwise). */
function fakeDiscord() {
  const answers: Reply[] = []
  const server = new FakeServer(() => answers.shift() ?? { status: 204 })
  return { server, answers, posted: () => server.requests.map((r) => JSON.parse(r.body) as DiscordMessage) }
}

describe('the Discord webhook address', () => {
  it.each([
    ['https://discord.com/api/webhooks/123/abc', true],
    ['https://discordapp.com/api/webhooks/123/abc-DEF_9', true],
    ['http://discord.com/api/webhooks/123/abc', false],
    ['https://discord.com.evil.example/api/webhooks/123/abc', false],
    ['https://evil.example/api/webhooks/123/abc', false],
    ['https://discord.com/channels/123/456', false],
    ['https://user:pw@discord.com/api/webhooks/123/abc', false],
    ['https://discord.com:8443/api/webhooks/123/abc', false],
    ['http://127.0.0.1:4000/api/webhooks/123/abc', false],
    ['not a url', false],
  ])('%s accepted: %s', (text, accepted) => {
    expect(parseWebhookUrl(text, {}).ok).toBe(accepted)
  })

  it('a loopback address only with VAULT_WEBHOOK_ALLOW_LOOPBACK=1, and never another host', () => {
    expect(parseWebhookUrl('http://127.0.0.1:4000/hook', LOOPBACK).ok).toBe(true)
    expect(parseWebhookUrl('http://localhost:4000/hook', LOOPBACK).ok).toBe(false)
    expect(parseWebhookUrl('http://10.0.0.1:4000/hook', LOOPBACK).ok).toBe(false)
  })
})

describe('messages for Discord', () => {
  it('escape markdown, ping nobody, and split between lines within the length limit', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `  Char_${i} (US, Area 52): raid: 1 more boss (any difficulty) unlocks slot 2 *now*`)
    const messages = discordMessages('Great Vault digest', lines)
    expect(messages.length).toBeGreaterThan(1)
    for (const m of messages) {
      expect(m.content.length).toBeLessThanOrEqual(DISCORD_CONTENT_LIMIT)
      expect(m.allowed_mentions).toEqual({ parse: [] })
    }
    const all = messages.map((m) => m.content).join('\n')
    // Every line arrives whole, in order, escaped.
    expect(all.split('\n').slice(1)).toEqual(lines.map((_, i) => `• Char\\_${i} \\(US, Area 52\\): raid: 1 more boss \\(any difficulty\\) unlocks slot 2 \\*now\\*`))
  })
})

describe('posting to a webhook', () => {
  let discord: ReturnType<typeof fakeDiscord>
  beforeEach(async () => {
    discord = fakeDiscord()
    await discord.server.start()
  })
  afterEach(() => discord.server.close())
  const url = () => new URL(`${discord.server.url}/api/webhooks/42/${TOKEN}`)

  it('posts each message in order as Discord\'s JSON', async () => {
    const messages = discordMessages('Digest', ['a', 'b'])
    expect(await postToWebhook(url(), messages)).toEqual({ ok: true, value: { posted: 1 } })
    expect(discord.posted()).toEqual(messages)
    expect(discord.server.requests[0]?.headers['content-type']).toBe('application/json')
  })

  it('a 429 waits Discord\'s retry_after and tries again; a long one is not sat out', async () => {
    discord.answers.push({ status: 429, body: { message: 'You are being rate limited.', retry_after: 1.5, global: false } })
    const waits: number[] = []
    const wait = async (ms: number) => void waits.push(ms)
    expect(await postToWebhook(url(), discordMessages('Digest', ['a']), { wait })).toEqual({ ok: true, value: { posted: 1 } })
    expect(waits).toEqual([1500])
    expect(discord.server.requests).toHaveLength(2)

    discord.answers.push({ status: 429, body: { message: 'You are being rate limited.', retry_after: 600 } })
    const slow = await postToWebhook(url(), discordMessages('Digest', ['a']), { wait })
    expect(slow).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('600 s') } })
    expect(waits).toEqual([1500])
  })

  it('gives up after three tries: no retry storm', async () => {
    for (let i = 0; i < 5; i++) discord.answers.push({ status: 429, body: { retry_after: 0.01 } })
    const result = await postToWebhook(url(), discordMessages('Digest', ['a']), { wait: async () => {} })
    expect(result.ok).toBe(false)
    expect(discord.server.requests).toHaveLength(3)
  })

  it('a deleted webhook (404) says so, and what was posted before it; the token never appears', async () => {
    const messages = discordMessages('Digest', Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(60)}`))
    expect(messages.length).toBeGreaterThan(2)
    discord.answers.push({ status: 204 }, { status: 404, body: { message: 'Unknown Webhook', code: 10015 } })
    const result = await postToWebhook(url(), messages)
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_CONFIG', message: expect.stringMatching(/does not know this webhook \(HTTP 404\).*\(1 of \d+ messages were posted before it\)/) } })
    expect(JSON.stringify(result)).not.toContain(TOKEN)
  })

  it('no network: a clear message, nothing thrown', async () => {
    await discord.server.close()
    const result = await postToWebhook(url(), discordMessages('Digest', ['a']))
    expect(result).toMatchObject({ ok: false, error: { code: 'UPSTREAM_ERROR', message: expect.stringContaining('Could not reach Discord') } })
  })
})

describe('digest --webhook', () => {
  const h = useCoreHarness('2026-11-26T12:00:00.000Z')
  const run = cliRunner(h)

  it('posts the same digest the command prints; a refused address is bad usage and posts nothing', async () => {
    const discord = fakeDiscord()
    await discord.server.start()
    try {
      thrallEverywhere(h)
      expect((await run(['track', 'us/area-52/Thrall'])).code).toBe(0)
      expect((await run(['sync'])).code).toBe(0)
      const hook = `${discord.server.url}/api/webhooks/42/${TOKEN}`
      const env = { ...h.apis.env, ...LOOPBACK }
      const posted = await run(['digest', '--webhook', hook], { env })
      expect(posted.code).toBe(0)
      expect(posted.stderr).toBe('Posted to Discord (one message).\n')
      const content = discord.posted()[0]?.content ?? ''
      expect(content).toContain('**Great Vault digest**')
      expect(content).toContain(posted.stdout.split('\n')[0]?.replace(/[()]/g, (c) => `\\${c}`))

      const refused = await run(['digest', '--webhook', hook])
      expect(refused.code).toBe(2)
      expect(refused.stderr).toContain('Only a Discord webhook address is accepted')
      expect(refused.stderr).not.toContain(TOKEN)
      expect(discord.server.requests).toHaveLength(1)

      discord.answers.push({ status: 404, body: { message: 'Unknown Webhook' } })
      const gone = await run(['digest', '--webhook', hook], { env })
      expect(gone.code).toBe(1)
      expect(gone.stderr).toContain('The digest was not posted to Discord: Discord does not know this webhook')
      expect(gone.stderr).not.toContain(TOKEN)
    } finally {
      await discord.server.close()
    }
  })

  it('an unknown region is bad usage', async () => {
    const result = await run(['digest', '--region', 'mars'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('mars')
  })
})
