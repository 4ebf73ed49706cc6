import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const packageDir = dirname(require.resolve('better-sqlite3/package.json'))

describe('one native SQLite binary for Node and Electron', () => {
  it('loads the Node-API prebuild shipped inside better-sqlite3 13', () => {
    const Database = require('better-sqlite3') as typeof BetterSqlite3
    const db = new Database(':memory:')
    expect(db.prepare('select sqlite_version() as v').get()).toMatchObject({ v: expect.stringMatching(/^3\.\d+\.\d+$/) })
    db.close()
    expect(require('better-sqlite3/package.json').version).toMatch(/^13\./)
    expect(existsSync(join(packageDir, 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true)
  })

  it('was never compiled or rebuilt: no build/ folder (it would shadow the prebuild)', () => {
    expect(existsSync(join(packageDir, 'build'))).toBe(false)
  })

  it('runs on a Node with Node-API 10 (Node 20 segfaults on better-sqlite3 13)', () => {
    expect(Number(process.versions.napi)).toBeGreaterThanOrEqual(10)
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22)
  })
})
