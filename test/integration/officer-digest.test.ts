import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readAppSettings, updateAppSettings } from '../../main/app-settings.ts'
import { officerDigestView, postOfficerDigestIfDue, postOfficerDigestNow, type OfficerDigestDeps } from '../../main/desktop/officer-digest.ts'
import { postToWebhook } from '../../main/digest/discord-webhook.ts'
import { createIpcHandlers } from '../../main/ipc-handlers.ts'
import { silentLogger } from '../../main/logging.ts'
import { addCharacter } from '../../main/store/characters-repo.ts'
import type { CharacterOverview } from '../../shared/ipc-api.ts'
import { FakeServer, type Reply } from '../fakes/fake-server.ts'
import { MemorySecrets } from '../fakes/memory-secrets.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { overviewOf, WEEK_1091 } from '../support/overview.ts'

const HOUR = 3_600_000
const TOKEN = 'oFfIcEr-t0ken'
const h = useCoreHarness('2026-11-26T12:00:00.000Z')

describe('the officer digest', () => {
  let discord: FakeServer
  const answers: Reply[] = []
  beforeEach(async () => {
    answers.length = 0
    discord = await new FakeServer(() => answers.shift() ?? { status: 204 }).start()
  })
  afterEach(() => discord.close())
  const contents = () => discord.requests.map((r) => (JSON.parse(r.body) as { content: string }).content)

  function deps(characters: CharacterOverview[], clock: { now: number }): OfficerDigestDeps {
    return { db: h.core().store.db, webhook: () => `${discord.url}/api/webhooks/77/${TOKEN}`, env: { VAULT_WEBHOOK_ALLOW_LOOPBACK: '1' }, overviews: () => characters, now: () => clock.now, log: silentLogger, post: (url, messages) => postToWebhook(url, messages, { wait: async () => {} }) }
  }
  const guildOf = (name: string) => ({ guild: { name, realm: 'area-52' } })

  it('posts once per region and week, the set hours before the reset, for the chosen guild only', async () => {
    const clock = { now: WEEK_1091.end - 13 * HOUR }
    const characters = [overviewOf(1, 'Thrall', { bosses: ['heroic'] }, guildOf('Endless Climb')), overviewOf(2, 'Outsider', {}, guildOf('Other Guild'))]
    updateAppSettings(h.core().store.db, { officerDigest: { hoursBeforeReset: 12, region: null, guild: 'endless climb' } }, clock.now)
    const d = deps(characters, clock)
    await postOfficerDigestIfDue(d)
    expect(discord.requests).toHaveLength(0)
    clock.now = WEEK_1091.end - 11 * HOUR
    await postOfficerDigestIfDue(d)
    expect(contents()).toHaveLength(1)
    expect(contents()[0]).toContain('**Great Vault digest: Endless Climb \\(US\\)**')
    expect(contents()[0]).toContain('Thrall')
    expect(contents()[0]).not.toContain('Outsider')
    // The next minutes, and a new process over the same store: never again this week.
    clock.now += 60_000
    await postOfficerDigestIfDue(d)
    await postOfficerDigestIfDue(deps(characters, clock))
    expect(discord.requests).toHaveLength(1)
    expect(officerDigestView(h.core().store.db, readAppSettings(h.core().store.db).officerDigest, `${discord.url}/api/webhooks/77/${TOKEN}`).lastPost).toMatchObject({ ok: true, message: 'Posted (one message).' })
    // After the reset: nothing (the window is before the reset).
    clock.now = WEEK_1091.end + HOUR
    await postOfficerDigestIfDue(d)
    expect(discord.requests).toHaveLength(1)
  })

  it('a failure is tried again at most twice, half an hour apart; a deleted webhook not at all; every outcome is kept', async () => {
    const clock = { now: WEEK_1091.end - 6 * HOUR }
    const d = deps([overviewOf(1, 'Thrall')], clock)
    answers.push({ status: 500 }, { status: 500 }, { status: 500 })
    await postOfficerDigestIfDue(d)
    expect(officerDigestView(h.core().store.db, readAppSettings(h.core().store.db).officerDigest, undefined).lastPost).toMatchObject({ ok: false, message: expect.stringContaining('HTTP 500') })
    const afterFirst = discord.requests.length
    clock.now += 10 * 60_000
    await postOfficerDigestIfDue(d)
    expect(discord.requests).toHaveLength(afterFirst)
    for (let i = 0; i < 5; i++) {
      clock.now += 31 * 60_000
      answers.push({ status: 500 }, { status: 500 }, { status: 500 })
      await postOfficerDigestIfDue(d)
    }
    // Three attempts in the week, three tries each: never a storm.
    expect(discord.requests).toHaveLength(9)

    // Another region's week: Discord says the webhook is gone; it is not asked again.
    const eu = { ...overviewOf(2, 'Sylvanas'), region: 'eu' as const }
    const clockEu = { now: eu.week.end - HOUR }
    answers.length = 0
    answers.push({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } })
    const dEu = deps([eu], clockEu)
    await postOfficerDigestIfDue(dEu)
    clockEu.now += 40 * 60_000
    await postOfficerDigestIfDue(dEu)
    expect(discord.requests).toHaveLength(10)
    expect(officerDigestView(h.core().store.db, readAppSettings(h.core().store.db).officerDigest, undefined).lastPost?.message).toContain('does not know this webhook')
  })

  it('Post now: posts outside the schedule and says why not when it cannot', async () => {
    const clock = { now: WEEK_1091.start + HOUR }
    expect(await postOfficerDigestNow({ ...deps([overviewOf(1, 'Thrall')], clock), webhook: () => undefined })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } })
    expect(await postOfficerDigestNow(deps([], clock))).toMatchObject({ ok: false, error: { message: expect.stringContaining('nothing to post') } })
    expect(await postOfficerDigestNow(deps([overviewOf(1, 'Thrall')], clock))).toEqual({ ok: true, value: { posted: 1 } })
    expect(contents()[0]).toContain('**Great Vault digest**')
  })
})

describe('the officer digest over IPC', () => {
  it('saves only a Discord webhook, never sends its address back, and keeps it encrypted with the secrets', async () => {
    const secrets = new MemorySecrets()
    const ipc = createIpcHandlers({ appVersion: '0.1.0', core: h.core(), secrets, env: h.apis.env })
    expect(await ipc['officer-digest:save']([{ url: 'https://evil.example/api/webhooks/1/x' }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(secrets.stored.discordWebhook).toBeUndefined()
    const address = `https://discord.com/api/webhooks/123456789012345678/${TOKEN}`
    const saved = await ipc['officer-digest:save']([{ url: address }])
    expect(saved).toMatchObject({ ok: true, value: { officerDigest: { configured: true, channelHint: 'discord.com webhook 1234…5678' } } })
    expect(secrets.stored.discordWebhook).toBe(address)
    expect(JSON.stringify(saved)).not.toContain(TOKEN)
    expect(JSON.stringify(await ipc['settings:get']([]))).not.toContain(TOKEN)
    // Saving API credentials later keeps the webhook; clearing the webhook keeps the credentials.
    secrets.stored.blizzard = { clientId: 'id', clientSecret: 'secret' }
    expect(await ipc['officer-digest:clear']([])).toMatchObject({ ok: true, value: { officerDigest: { configured: false, channelHint: null } } })
    expect(secrets.stored).toEqual({ blizzard: { clientId: 'id', clientSecret: 'secret' } })
    // Without a keyring the address (anyone holding it can post) is not stored.
    secrets.mode = 'plaintext'
    expect(await ipc['officer-digest:save']([{ url: address }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(secrets.stored.discordWebhook).toBeUndefined()
  })

  it('the preferences are checked: 2–48 hours, a known region, a bounded guild name', async () => {
    const ipc = createIpcHandlers({ appVersion: '0.1.0', core: h.core(), secrets: new MemorySecrets(), env: h.apis.env })
    addCharacter(h.core().store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, h.clock.now)
    expect(await ipc['settings:update']([{ officerDigest: { hoursBeforeReset: 24, region: 'eu', guild: 'Endless Climb' } }])).toMatchObject({ ok: true, value: { officerDigest: { hoursBeforeReset: 24, region: 'eu', guild: 'Endless Climb' } } })
    for (const bad of [{ hoursBeforeReset: 1, region: null, guild: null }, { hoursBeforeReset: 12, region: 'mars', guild: null }, { hoursBeforeReset: 12, region: null, guild: 'x'.repeat(101) }]) {
      expect(await ipc['settings:update']([{ officerDigest: bad }])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
  })
})
