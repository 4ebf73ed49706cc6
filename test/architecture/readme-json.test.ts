import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The CLI's JSON output is a public contract documented in the README: every field name any command
 * prints (as the golden files of test/integration/cli-golden.test.ts hold it) must be named there. A
 * field added without a word in the README fails here.
 */
const ROOT = join(import.meta.dirname, '..', '..')
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

function jsonOf(golden: string): unknown {
  const stdout = golden.split('--- stdout\n')[1]?.split('--- stderr')[0] ?? ''
  try {
    return JSON.parse(stdout)
  } catch {
    return undefined
  }
}

function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) fieldNames(item, into)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key)
      fieldNames(inner, into)
    }
  }
  return into
}

describe('README documents the CLI JSON', () => {
  const goldens = readdirSync(join(ROOT, 'test', 'golden')).map((file) => ({ file, json: jsonOf(readFileSync(join(ROOT, 'test', 'golden', file), 'utf8')) }))

  it('reads JSON from the goldens (the check below has something to check)', () => {
    expect(goldens.filter((g) => g.json !== undefined).map((g) => g.file)).toEqual(expect.arrayContaining(['vault.txt', 'sync.txt', 'team.txt', 'status.txt', 'quests.txt', 'history.txt', 'week.txt']))
  })

  it('names every field any command prints', () => {
    const missing = goldens.flatMap(({ file, json }) => [...fieldNames(json)].filter((key) => !new RegExp(`\\b${key}\\b`).test(readme)).map((key) => `${file}: ${key}`))
    expect(missing).toEqual([])
  })
})
