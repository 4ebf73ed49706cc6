import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { importFromAccount, importFromGuild, trackPicks } from '../../main/import/import-service.ts'
import { listCharacters } from '../../main/store/characters-repo.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { freePort } from '../support/free-port.ts'

const h = useCoreHarness('2026-11-26T12:00:00.000Z')

/** The player's browser: follows Blizzard's redirect back to the app's loopback address. */
const browser = (url: string) => void fetch(url).catch(() => undefined)

/** Two WoW accounts on one Battle.net login, as `/profile/user/wow` lists them. */
const ACCOUNT = {
  id: 12345,
  wow_accounts: [
    {
      id: 1,
      characters: [
        { name: 'Thrall', id: 1, realm: { slug: 'area-52', name: 'Area 52', id: 3676 }, playable_class: { id: 7, name: 'Shaman' }, level: 90 },
        { name: 'Lowbie', id: 2, realm: { slug: 'area-52', name: 'Area 52', id: 3676 }, playable_class: { id: 1, name: 'Warrior' }, level: 12 },
      ],
    },
    { id: 2, characters: [{ name: 'Jaina', id: 3, realm: { slug: 'azjolnerub', name: 'Azjol-Nerub', id: 121 }, playable_class: { id: 8, name: 'Mage' }, level: 90 }] },
  ],
}

describe('import from my Battle.net account', () => {
  it('signs in through the loopback callback, lists every character of every WoW account, and tracks only what is picked', async () => {
    h.apis.blizzard.setAccount('us', ACCOUNT)
    h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    let shownRedirect = ''
    const list = await importFromAccount(h.core(), { region: 'us', port: 0, openBrowser: (url, redirectUri) => ((shownRedirect = redirectUri), browser(url)) })
    if (!list.ok) throw new Error(list.error.message)
    expect(shownRedirect).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
    expect(list.value.candidates.map((c) => [c.name, c.realm, c.realmName, c.className, c.level, c.tracked])).toEqual([
      ['Jaina', 'azjolnerub', 'Azjol-Nerub', 'Mage', 90, false],
      ['Thrall', 'area-52', 'Area 52', 'Shaman', 90, true],
      ['Lowbie', 'area-52', 'Area 52', 'Warrior', 12, false],
    ])
    // Finding characters tracked nothing.
    expect(listCharacters(h.core().store.db).map((c) => c.name)).toEqual(['Thrall'])
    const [jaina] = list.value.candidates
    const picked = trackPicks(h.core(), [jaina!, list.value.candidates[1]!])
    expect(picked.added.map((c) => c.name)).toEqual(['Jaina'])
    expect(picked.alreadyTracked.map((c) => c.name)).toEqual(['Thrall'])
    // Blizzard's slug and display name as given, never recomputed from the name ("azjol-nerub" would be wrong).
    expect(listCharacters(h.core().store.db).find((c) => c.name === 'Jaina')).toMatchObject({ realm: 'azjolnerub', realmName: 'Azjol-Nerub', className: 'Mage' })
    // The code was exchanged once with the same redirect URI; the user token is kept nowhere.
    const exchanges = h.apis.blizzard.server.requests.filter((r) => r.path === '/oauth/token' && r.body.includes('authorization_code'))
    expect(exchanges).toHaveLength(1)
    expect(new URLSearchParams(exchanges[0]!.body).get('redirect_uri')).toBe(shownRedirect)
    expect(JSON.stringify(h.core().store.sqlite.prepare('select * from settings').all())).not.toContain('user-token')
  })

  it('sends the single-use code once: a failed exchange is reported, never retried into "invalid_grant"', async () => {
    h.apis.blizzard.setAccount('us', ACCOUNT)
    h.apis.blizzard.server.failNext(/^\/oauth\/token$/, { kind: 'status', status: 503 }, 5)
    const result = await importFromAccount(h.core(), { region: 'us', port: 0, openBrowser: browser })
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('503') } })
    expect(h.apis.blizzard.server.requests.filter((r) => r.path === '/oauth/token' && r.body.includes('authorization_code'))).toHaveLength(1)
  })

  it('a declined consent says so and imports nothing', async () => {
    h.apis.blizzard.consent = 'deny'
    const result = await importFromAccount(h.core(), { region: 'us', port: 0, openBrowser: browser })
    expect(result).toEqual({ ok: false, error: { code: 'SIGN_IN_FAILED', message: expect.stringContaining('You declined access') } })
    expect(h.apis.blizzard.server.requests.some((r) => r.path.endsWith('/profile/user/wow'))).toBe(false)
  })

  it('an answer with another state is refused and the wait goes on: a forged request (an <img> on any page) can neither end nor steer the sign-in', async () => {
    h.apis.blizzard.setAccount('us', ACCOUNT)
    const forgedAnswers: number[] = []
    const forgedThenReal = (url: string) => {
      const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!)
      void (async () => {
        for (const query of ['code=forged-code&state=not-the-one', 'error=access_denied&state=nope', 'code=x']) forgedAnswers.push((await fetch(`${redirect.href}?${query}`)).status)
        browser(url)
      })()
    }
    const result = await importFromAccount(h.core(), { region: 'us', port: 0, openBrowser: forgedThenReal })
    expect(forgedAnswers).toEqual([400, 400, 400])
    expect(result.ok && result.value.candidates.map((c) => c.name)).toEqual(['Jaina', 'Thrall', 'Lowbie'])
    // Only the real code was exchanged.
    expect(h.apis.blizzard.server.requests.filter((r) => r.body.includes('authorization_code'))).toHaveLength(1)
    expect(h.apis.blizzard.server.requests.find((r) => r.body.includes('authorization_code'))?.body).not.toContain('forged-code')
  })

  it('the redirect names 127.0.0.1, so another program listening on [::1] at the same port receives nothing', async (context) => {
    const port = await freePort()
    const rogue = createServer()
    const received: string[] = []
    rogue.on('connection', (socket) => socket.on('data', (data) => received.push(String(data))))
    const listening = await new Promise<boolean>((resolve) => {
      rogue.once('error', () => resolve(false))
      rogue.listen(port, '::1', () => resolve(true))
    })
    if (!listening) return context.skip('this machine has no IPv6 loopback (::1)')
    try {
      h.apis.blizzard.setAccount('us', ACCOUNT)
      const result = await importFromAccount(h.core(), { region: 'us', port, openBrowser: browser })
      expect(result.ok).toBe(true)
      expect(received).toEqual([])
    } finally {
      rogue.close()
    }
  })

  it('gives up cleanly when the player never finishes on Blizzard\'s page, and frees the port', async () => {
    h.apis.blizzard.consent = 'ignore'
    const port = await freePort()
    const result = await importFromAccount(h.core(), { region: 'us', port, openBrowser: browser, timeoutMs: 300 })
    expect(result).toEqual({ ok: false, error: { code: 'SIGN_IN_FAILED', message: expect.stringContaining('No answer from Blizzard') } })
    expect(await canListen(port)).toBe(true)
  })

  it('says when the port is taken, and which setting changes it', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await new Promise((resolve) => blocker.once('listening', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = await importFromAccount(h.core(), { region: 'us', port, openBrowser: browser })
      expect(result).toEqual({ ok: false, error: { code: 'SIGN_IN_FAILED', message: expect.stringContaining(`Port ${port} is in use`) } })
    } finally {
      blocker.close()
    }
  })

  it('needs the player\'s own Blizzard client, and says where to add it', async () => {
    delete h.apis.env.VAULT_BLIZZARD_CLIENT_ID
    const result = await importFromAccount(h.core(), { region: 'us', port: 0, openBrowser: browser })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringContaining('Settings') } })
  })
})

const ROSTER = {
  guild: { name: 'Endless Climb', id: 9, realm: { slug: 'area-52', name: 'Area 52' } },
  members: [
    { rank: 0, character: { name: 'Thrall', id: 1, realm: { id: 3676, slug: 'area-52' }, level: 90, playable_class: { id: 7 } } },
    { rank: 3, character: { name: 'Jaina', id: 2, realm: { id: 121, slug: 'azjolnerub' }, level: 90, playable_class: { id: 8 } } },
    { rank: 5, character: { name: 'Alty', id: 3, realm: { id: 3676, slug: 'area-52' }, level: 90, playable_class: { id: 4 } } },
    { rank: 1, character: { name: 'Lowbie', id: 4, realm: { id: 3676, slug: 'area-52' }, level: 20, playable_class: { id: 1 } } },
  ],
}

describe('import a guild', () => {
  it('lists Blizzard\'s roster with class and rank, filtered by rank and level, realm slugs as Blizzard gives them', async () => {
    h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', ROSTER)
    const list = await importFromGuild(h.core(), { region: 'us', realm: 'Area 52', guild: 'Endless Climb' }, { maxRank: 3, minLevel: 90 })
    if (!list.ok) throw new Error(list.error.message)
    expect(list.value).toMatchObject({ title: 'Endless Climb (US)', source: 'blizzard', notes: ['Showing members of rank 3 or higher and level 90 or more (of 4 in all).'] })
    expect(list.value.candidates.map((c) => [c.name, c.realm, c.className, c.rank])).toEqual([
      ['Thrall', 'area-52', 'Shaman', 0],
      ['Jaina', 'azjolnerub', 'Mage', 3],
    ])
    expect(listCharacters(h.core().store.db)).toEqual([])
  })

  it('without Blizzard credentials uses Raider.IO, and says what it cannot know', async () => {
    delete h.apis.env.VAULT_BLIZZARD_CLIENT_ID
    h.apis.raiderio.setGuild('us', 'area-52', 'Endless Climb', {
      name: 'Endless Climb',
      realm: 'Area 52',
      members: [
        { rank: 0, character: { name: 'Thrall', class: 'Shaman', active_spec_name: 'Enhancement', realm: 'Area 52', region: 'us' } },
        { rank: 4, character: { name: 'Sylvanas', class: 'Hunter', active_spec_name: 'Marksmanship', realm: "Mal'Ganis", region: 'us' } },
      ],
    })
    const list = await importFromGuild(h.core(), { region: 'us', realm: 'area-52', guild: 'Endless Climb' }, { minLevel: 90 })
    if (!list.ok) throw new Error(list.error.message)
    expect(list.value.source).toBe('raiderio')
    expect(list.value.candidates.map((c) => [c.name, c.realm, c.realmName, c.level])).toEqual([
      ['Thrall', 'area-52', 'Area 52', null],
      ['Sylvanas', 'malganis', "Mal'Ganis", null],
    ])
    expect(list.value.notes[0]).toContain('the level filter could not be applied')
  })

  it.each([
    ['an unknown guild (Blizzard)', true, 'UNKNOWN_CHARACTER', /knows no guild "no-such-guild"/],
    ['an unknown guild (Raider.IO)', false, 'UNKNOWN_CHARACTER', /does not know the guild "No Such Guild"/],
  ])('%s is said plainly', async (_label, withBlizzard, code, message) => {
    if (!withBlizzard) delete h.apis.env.VAULT_BLIZZARD_CLIENT_ID
    const result = await importFromGuild(h.core(), { region: 'us', realm: 'area-52', guild: 'No Such Guild' })
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } })
  })

  it('refuses a malformed realm or guild name before any request', async () => {
    const before = h.apis.blizzard.server.requests.length
    expect(await importFromGuild(h.core(), { region: 'us', realm: 'Area 52', guild: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await importFromGuild(h.core(), { region: 'us', realm: 'Area<52>', guild: 'Endless Climb' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(h.apis.blizzard.server.requests.length).toBe(before)
  })
})

describe('tracking picked characters', () => {
  it.each([
    ['a right-to-left override', 'Area 52\u202e'],
    ['an Arabic letter mark', 'Area\u061c 52'],
    ['a left-to-right mark', 'Area\u200e 52'],
    ['a control character', 'Area\u0007 52'],
  ])('a realm or class name with %s is refused, as a quest name with one is (issue 28.6)', (_what, hostile) => {
    const pick = { region: 'us' as const, realm: 'area-52', name: 'Thrall', realmName: 'Area 52', className: 'Shaman' }
    const result = trackPicks(h.core(), [{ ...pick, realmName: hostile }, { ...pick, name: 'Jaina', className: hostile }, { ...pick, name: 'Rexxar' }])
    expect(result.refused.map((r) => r.name)).toEqual(['Thrall', 'Jaina'])
    expect(result.added.map((c) => c.name)).toEqual(['Rexxar'])
  })
})

async function canListen(port: number): Promise<boolean> {
  const server = createServer()
  return new Promise((resolve) => {
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
