import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../../main/cli/run.ts'
import { databasePath, defaultDataDir } from '../../main/data-dir.ts'
import { addCharacter } from '../../main/store/characters-repo.ts'
import { openStore } from '../../main/store/db.ts'
import { useTempDir } from '../support/temp-dir.ts'

const tempDir = useTempDir()

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, now: () => Date.parse('2026-11-24T15:30:00Z') }
  const code = await runCli(args, io)
  return { code, stdout, stderr }
}

describe('cli week', () => {
  it('prints the week window as JSON only on stdout', async () => {
    const { code, stdout, stderr } = await cli(['week', '--region', 'EU', '--json'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toEqual({ region: 'eu', period: 1090, start: '2026-11-18T04:00:00.000Z', end: '2026-11-25T04:00:00.000Z', origin: 'computed', rule: 'Wednesday 04:00 UTC', confidence: 'verified' })
  })

  it('uses the current time and says when a region rule is unconfirmed', async () => {
    const { code, stdout } = await cli(['week', '--region', 'cn'])
    expect(code).toBe(0)
    expect(stdout).toContain('unconfirmed')
    expect((await cli(['week'])).stdout).toContain('US week 1091: 2026-11-24T15:00:00.000Z')
  })

  it.each([
    [['week', '--region', 'mars'], 'Unknown region "mars"'],
    [['week', '--at', 'yesterday'], '--at must be an ISO 8601 date'],
    [['week', 'extra'], '"week" takes no arguments'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['list', '--bogus-flag'], "Unknown option '--bogus-flag'"],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
  })
})

describe('cli list', () => {
  it('lists the characters of the database in --data-dir', async () => {
    const dir = tempDir()
    const store = openStore(databasePath(dir))
    addCharacter(store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, 1)
    store.close()
    expect(JSON.parse((await cli(['list', '--json', '--data-dir', dir])).stdout)).toEqual({ characters: [{ region: 'us', realm: 'area-52', name: 'Thrall' }] })
    expect((await cli(['list'], { VAULT_DATA_DIR: dir })).stdout).toBe('us/area-52/Thrall\n')
  })

  it('exits 1 with the reason when the database is damaged, and leaves it untouched', async () => {
    const dir = tempDir()
    writeFileSync(databasePath(dir), 'not a database at all'.repeat(100))
    const { code, stderr, stdout } = await cli(['list', '--data-dir', dir])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('not a readable Vault Companion database')
    expect(readFileSync(databasePath(dir), 'utf8')).toBe('not a database at all'.repeat(100))
  })
})

describe('default data folder', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, join('/xdg', 'Vault Companion')],
    ['linux', {}, join('/home/p', '.config', 'Vault Companion')],
    ['darwin', {}, join('/home/p', 'Library', 'Application Support', 'Vault Companion')],
    ['win32', { APPDATA: 'C:\\Users\\p\\AppData\\Roaming' }, join('C:\\Users\\p\\AppData\\Roaming', 'Vault Companion')],
    ['linux', { VAULT_DATA_DIR: '/custom' }, '/custom'],
  ] as const)('%s %j → %s (Electron userData convention)', (platform, env, expected) => {
    expect(defaultDataDir(env, platform, '/home/p')).toBe(expected)
  })
})
