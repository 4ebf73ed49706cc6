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

describe('cli configuration', () => {
  it('refuses a password inside a configured URL, without printing it', async () => {
    const { code, stderr } = await cli(['list', '--data-dir', tempDir()], { VAULT_RAIDERIO_URL: 'http://player:hunter2@127.0.0.1:9' })
    expect(code).toBe(2)
    expect(stderr).toContain('VAULT_RAIDERIO_URL contains a user name or password ("http://***@127.0.0.1:9")')
    expect(stderr).not.toContain('hunter2')
  })

  it('refuses an address that is not a web address', async () => {
    const { code, stderr } = await cli(['list', '--data-dir', tempDir()], { VAULT_WCL_URL: 'ftp://example.com', VAULT_WCL_CLIENT_ID: 'a', VAULT_WCL_CLIENT_SECRET: 'b' })
    expect(code).toBe(2)
    expect(stderr).toContain('VAULT_WCL_URL must start with https://')
  })
})

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
    [['week', '--at', 'yesterday'], '--at takes a full ISO 8601 time with its zone'],
    [['week', '--at', '5'], '--at takes a full ISO 8601 time'],
    [['week', '--at', 'Tue 1'], '--at takes a full ISO 8601 time'],
    [['week', '--at', '+275760-09-13T00:00:00Z'], '--at takes a full ISO 8601 time'],
    [['week', '--at', '2026-11-24T15:30:00'], '--at takes a full ISO 8601 time'], // no zone: ambiguous
    [['week', '--at', '0000-01-01T00:00:00Z'], 'between 2004 and 2100'],
    [['week', '--at', '9999-12-31T00:00:00Z'], 'between 2004 and 2100'],
    [['week', '--at', '2026-02-30T12:00:00Z'], '--at takes a full ISO 8601 time'],
    [['vault', 'us/area-52/Thrall', '--week', '2026-02-30'], '--week takes "previous" or a date'],
    [['vault', 'us/area-52/Thrall', '--week', '2026-13-01'], '--week takes "previous" or a date'],
    [['list', '--data-dir', ''], '--data-dir needs a folder'],
    [['list', '--data-dir', '   '], '--data-dir needs a folder'],
    [['week', 'extra'], '"week" takes no arguments'],
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['constructor'], 'Unknown command "constructor"'],
    [['__proto__'], 'Unknown command "__proto__"'],
    [['toString'], 'Unknown command "toString"'],
    [['hasOwnProperty'], 'Unknown command "hasOwnProperty"'],
    [['list', '--bogus-flag'], "Unknown option '--bogus-flag'"],
    [['track', 'us/area-52/\u0301\u0301\u0301'], 'letters'],
  ])('exits 2 with a clear message for %j, and a one-line hint instead of the whole help', async (args, message) => {
    const { code, stdout, stderr } = await cli(args)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(message)
    expect(stderr.trimEnd().split('\n')).toHaveLength(2)
    expect(stderr).toContain('Run "vault-companion help"')
  })
})

describe('cli list', () => {
  it('lists the characters of the database in --data-dir', async () => {
    const dir = tempDir()
    const store = openStore(databasePath(dir))
    addCharacter(store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, 1)
    store.close()
    expect(JSON.parse((await cli(['list', '--json', '--data-dir', dir])).stdout)).toEqual({ characters: [{ region: 'us', realm: 'area-52', name: 'Thrall', itemLevel: null, mythicRating: null }] })
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

  it('vault and list (which skip the whole-file check at open) still report damage they read, exit 1 and leave the file untouched', async () => {
    const dir = tempDir()
    const store = openStore(databasePath(dir))
    addCharacter(store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, 1)
    const pages = store.sqlite.prepare("select pageno from dbstat where name = 'characters'").pluck().all() as number[]
    const pageSize = store.sqlite.pragma('page_size', { simple: true }) as number
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
    const bytes = readFileSync(databasePath(dir))
    for (const page of pages) for (let i = (page - 1) * pageSize; i < page * pageSize; i++) bytes[i] = (i * 7919) % 251
    writeFileSync(databasePath(dir), bytes)
    for (const args of [['vault', 'us/area-52/Thrall'], ['list']]) {
      const { code, stderr, stdout } = await cli([...args, '--data-dir', dir])
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr).toContain('is damaged or not a Vault Companion database. It was left untouched')
    }
    expect(readFileSync(databasePath(dir)).equals(bytes)).toBe(true)
  })
})

describe('default data folder', () => {
  it.each([
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/p', '/xdg/Vault Companion'],
    ['linux', { XDG_CONFIG_HOME: 'relative/config' }, '/home/p', '/home/p/.config/Vault Companion'], // the XDG spec ignores a relative path
    ['linux', {}, '/home/p', '/home/p/.config/Vault Companion'],
    ['darwin', {}, '/Users/p', '/Users/p/Library/Application Support/Vault Companion'],
    ['win32', { APPDATA: 'C:\\Users\\p\\AppData\\Roaming' }, 'C:\\Users\\p', 'C:\\Users\\p\\AppData\\Roaming\\Vault Companion'],
    ['win32', {}, 'C:\\Users\\p', 'C:\\Users\\p\\AppData\\Roaming\\Vault Companion'],
    ['linux', { VAULT_DATA_DIR: '/custom' }, '/home/p', '/custom'],
  ] as const)('%s %j → %s (Electron userData convention, with that platform\'s path rules on any machine)', (platform, env, home, expected) => {
    expect(defaultDataDir(env, platform, home)).toBe(expected)
  })
})

describe('cli process', () => {
  it('ends quietly when the reader of its output goes away (… | head), with no EPIPE stack', async () => {
    const { spawn } = await import('node:child_process')
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'main', 'cli.ts'), 'help'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy() // the reader is gone before anything is written
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  }, 30_000) // a new Node process: over 5 s under Windows Node and Wine
})
