import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')

/** A recorded API response from test/fixtures (see PROVENANCE.md there), as a fresh object. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T
}

/** The text of a fixture file. */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}
