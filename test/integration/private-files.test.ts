import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileTokenStore } from '../../main/file-token-store.ts'
import { openStore } from '../../main/store/db.ts'
import { setSetting } from '../../main/store/settings-repo.ts'
import { useTempDir } from '../support/temp-dir.ts'

/** Owner-only data on Linux and macOS (on Windows the profile's access lists apply; modes mean nothing there). */
const posix = process.platform !== 'win32'
const tempDir = useTempDir()
const modeOf = (path: string) => statSync(path).mode & 0o777

describe.skipIf(!posix)('the data folder is the owner\'s alone', () => {
  it('a new data folder is 0700, and the database and its -wal/-shm files 0600', () => {
    const dataDir = join(tempDir(), 'Vault Companion')
    const store = openStore(join(dataDir, 'vault-companion.db'))
    setSetting(store.db, 'probe', { written: true }, 1)
    try {
      expect(modeOf(dataDir)).toBe(0o700)
      for (const file of ['vault-companion.db', 'vault-companion.db-wal', 'vault-companion.db-shm']) expect([file, modeOf(join(dataDir, file))]).toEqual([file, 0o600])
    } finally {
      store.close()
    }
  })

  it('an existing data folder and database left readable by others (an older version, a copy) are repaired on open', () => {
    const dataDir = tempDir()
    openStore(join(dataDir, 'vault-companion.db')).close()
    chmodSync(dataDir, 0o755)
    chmodSync(join(dataDir, 'vault-companion.db'), 0o644)
    openStore(join(dataDir, 'vault-companion.db')).close()
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(join(dataDir, 'vault-companion.db'))).toBe(0o600)
  })

  it('a folder the app did not create and that holds no database yet (--data-dir .) keeps its mode; the database is still 0600', () => {
    const dataDir = tempDir()
    chmodSync(dataDir, 0o755)
    openStore(join(dataDir, 'vault-companion.db')).close()
    expect(modeOf(dataDir)).toBe(0o755)
    expect(modeOf(join(dataDir, 'vault-companion.db'))).toBe(0o600)
  })
})

describe('the CLI\'s token file', () => {
  it.skipIf(!posix)('a symlink planted where the old version put its temporary file receives nothing; the file is 0600', () => {
    const dataDir = tempDir()
    const elsewhere = join(tempDir(), 'attacker-readable.txt')
    writeFileSync(elsewhere, 'untouched')
    symlinkSync(elsewhere, join(dataDir, `tokens.json.${process.pid}.tmp`))
    const store = createFileTokenStore(dataDir, () => 1000)
    store.set('https://oauth.battle.net/token#id', { token: 'secret-token', expiresAt: 10_000_000 })
    expect(readFileSync(elsewhere, 'utf8')).toBe('untouched')
    expect(readFileSync(join(dataDir, 'tokens.json'), 'utf8')).toContain('secret-token')
    expect(modeOf(join(dataDir, 'tokens.json'))).toBe(0o600)
  })

  it.skipIf(!posix)('a symlink planted at tokens.json itself is replaced, not written through', () => {
    const dataDir = tempDir()
    const elsewhere = join(tempDir(), 'target.txt')
    writeFileSync(elsewhere, 'untouched')
    symlinkSync(elsewhere, join(dataDir, 'tokens.json'))
    createFileTokenStore(dataDir, () => 1000).set('k', { token: 'secret-token', expiresAt: 10_000_000 })
    expect(readFileSync(elsewhere, 'utf8')).toBe('untouched')
    expect(lstatSync(join(dataDir, 'tokens.json')).isSymbolicLink()).toBe(false)
  })

  it('leaves no temporary file behind, whatever happens', () => {
    const dataDir = tempDir()
    mkdirSync(join(dataDir, 'tokens.json'))
    // tokens.json is a folder: the rename fails; the write is only a cache and is dropped, cleanly.
    createFileTokenStore(dataDir, () => 1000).set('k', { token: 'secret-token', expiresAt: 10_000_000 })
    expect(existsSync(join(dataDir, 'tokens.json'))).toBe(true)
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })
})
