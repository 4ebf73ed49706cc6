import { describe, expect, it } from 'vitest'
import { parseSelection } from '../../main/cli/import-command.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { freePort } from '../support/free-port.ts'

const h = useCoreHarness('2026-11-26T12:00:00.000Z')

const ROSTER = {
  guild: { name: 'Endless Climb', id: 9, realm: { slug: 'area-52', name: 'Area 52' } },
  members: [
    { rank: 0, character: { name: 'Thrall', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 7 } } },
    { rank: 3, character: { name: 'Jaina', realm: { slug: 'azjolnerub' }, level: 90, playable_class: { id: 8 } } },
    { rank: 6, character: { name: 'Alty', realm: { slug: 'area-52' }, level: 90, playable_class: { id: 4 } } },
  ],
}

const cli = cliRunner(h)

const tracked = async () => ((JSON.parse((await cli(['list', '--json'])).stdout) as { characters: { realm: string; name: string }[] }).characters).map((c) => `${c.realm}/${c.name}`)

describe('cli import guild', () => {
  it('lists the members and tracks the ones typed at the prompt', async () => {
    h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', ROSTER)
    const questions: string[] = []
    const result = await cli(['import', 'guild', 'us/Area 52/Endless Climb', '--rank', '3'], { prompt: async (q) => (questions.push(q), '2') })
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Endless Climb (US): 2 characters')
    expect(result.stdout).toContain('   1. Thrall · area-52 · Shaman · 90 · rank 0')
    expect(result.stdout).toContain('   2. Jaina · azjolnerub · Mage · 90 · rank 3')
    expect(result.stdout).not.toContain('Alty')
    expect(result.stdout).toContain('Now tracking us/azjolnerub/Jaina.')
    expect(questions).toHaveLength(1)
    expect(await tracked()).toEqual(['azjolnerub/Jaina'])
  })

  it('never tracks without an answer: without a terminal it lists and explains --yes', async () => {
    h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', ROSTER)
    const result = await cli(['import', 'guild', 'us/area-52/Endless Climb'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Nothing tracked: run again with --yes to track all 3')
    expect(await tracked()).toEqual([])
  })

  it('--yes --json tracks all listed, skips those already tracked, and prints the documented fields', async () => {
    h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', ROSTER)
    h.track({ region: 'us', realm: 'area-52', name: 'Thrall' })
    const result = await cli(['import', 'guild', 'us/area-52/Endless Climb', '--min-level', '90', '--yes', '--json'])
    expect(result.code).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(Object.keys(json)).toEqual(['title', 'source', 'candidates', 'notes', 'tracked', 'alreadyTracked', 'refused'])
    expect(json.refused).toEqual([])
    expect(json.candidates[0]).toEqual({ region: 'us', realm: 'area-52', realmName: null, name: 'Thrall', className: 'Shaman', level: 90, rank: 0, tracked: true })
    expect(json.tracked).toEqual([{ region: 'us', realm: 'azjolnerub', name: 'Jaina' }, { region: 'us', realm: 'area-52', name: 'Alty' }])
    expect(json.alreadyTracked).toEqual([])
    expect(await tracked()).toEqual(['area-52/Thrall', 'azjolnerub/Jaina', 'area-52/Alty'])
  })

  it('a member whose realm slug from Blizzard is not a slug (escapes, /../../) is refused, not stored under a name nobody could untrack', async () => {
    const hostile = 'area-52\u001b[2K/../../etc'
    h.apis.blizzard.setGuild('us', 'area-52', 'endless-climb', { ...ROSTER, members: [...ROSTER.members.slice(0, 1), { rank: 1, character: { name: 'Evil', realm: { slug: hostile }, level: 90, playable_class: { id: 4 } } }] })
    const result = await cli(['import', 'guild', 'us/area-52/Endless Climb', '--yes', '--json'])
    expect(result.code).toBe(1)
    const json = JSON.parse(result.stdout)
    expect(json.tracked).toEqual([{ region: 'us', realm: 'area-52', name: 'Thrall' }])
    expect(json.refused).toEqual([{ region: 'us', realm: hostile, name: 'Evil', reason: expect.stringContaining('Realm names cannot contain') }])
    expect(await tracked()).toEqual(['area-52/Thrall'])
    const text = await cli(['import', 'guild', 'us/area-52/Endless Climb', '--yes'])
    expect(text.stderr).toContain('Not tracked: us/area-52\ufffd[2K/../../etc/Evil: Realm names cannot contain')
  })

  it.each([
    [['import'], 'takes "account", "guild" or "pc"'],
    [['import', 'guild'], 'takes one guild'],
    [['import', 'guild', 'us/area-52'], 'Expected region/realm/guild'],
    [['import', 'guild', 'xx/area-52/Endless Climb'], 'Unknown region'],
    [['import', 'guild', 'us/area-52/Endless Climb', '--rank', 'officers'], '--rank takes a whole number'],
    [['import', 'account', '--min-level', '90'], 'are for "import guild"'],
    [['import', 'account', '--port', '80'], '--port takes a whole number from 1024'],
  ])('exits 2 on %j', async (args, message) => {
    const result = await cli(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
  })

  it('exits 3 for a guild no source knows', async () => {
    const result = await cli(['import', 'guild', 'us/area-52/No Such Guild', '--yes'])
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('knows no guild')
  })
})

describe('cli import account', () => {
  it('prints the sign-in address and the redirect URL to register, waits for the callback, then asks', async () => {
    h.apis.blizzard.setAccount('us', { id: 1, wow_accounts: [{ id: 1, characters: [{ name: 'Thrall', realm: { slug: 'area-52', name: 'Area 52' }, playable_class: { id: 7, name: 'Shaman' }, level: 90 }] }] })
    const port = await freePort()
    const result = await cli(['import', 'account', '--port', String(port)], { openBrowser: (url) => void fetch(url).catch(() => undefined), prompt: async () => 'all' })
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/Sign in on Blizzard's page.*\n {2}http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?response_type=code&client_id=blizzard-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A\d+%2Fcallback&scope=wow\.profile&state=/)
    expect(result.stderr).toContain(`must list http://127.0.0.1:${port}/callback as a redirect URL (https://develop.battle.net/access/clients)`)
    expect(result.stdout).toContain('Now tracking us/area-52/Thrall.')
  })

  it('a declined sign-in exits 1 and says what to do', async () => {
    h.apis.blizzard.consent = 'deny'
    const result = await cli(['import', 'account', '--port', String(await freePort())], { openBrowser: (url) => void fetch(url).catch(() => undefined) })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('You declined access')
  })
})

describe('picking from the numbered list', () => {
  it.each([
    ['', 5, []],
    ['all', 3, [0, 1, 2]],
    ['1, 3-4', 5, [0, 2, 3]],
    ['2 2 1', 3, [0, 1]],
    ['6', 5, undefined],
    ['3-1', 5, undefined],
    ['one', 5, undefined],
  ])('"%s" of %i → %j', (answer, count, expected) => {
    expect(parseSelection(answer, count)).toEqual(expected)
  })
})
