import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importSpecifiers, violation } from './import-rules.ts'

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'))
const SKIP = new Set(['node_modules', 'out', 'dist', 'release', '.git', 'test-results', 'playwright-report'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP.has(entry)) return []
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry) ? [full] : []
  })
}

const toProjectPath = (absolute: string) => relative(root, absolute).split(sep).join('/')

function resolveTarget(fromAbsolute: string, specifier: string): string | null {
  return specifier.startsWith('.') ? toProjectPath(join(dirname(fromAbsolute), specifier)) : null
}

/** Every project file and npm package an entry point reaches through static imports (stylesheets are not followed). */
function reachableFrom(entry: string): { files: string[]; packages: string[] } {
  const seen = new Set<string>()
  const packages = new Set<string>()
  const visit = (absolute: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    for (const specifier of importSpecifiers(readFileSync(absolute, 'utf8'))) {
      if (!specifier.startsWith('.')) packages.add(specifier)
      else if (!specifier.endsWith('.css')) visit(join(dirname(absolute), specifier))
    }
  }
  visit(join(root, entry))
  return { files: [...seen].map(toProjectPath), packages: [...packages] }
}

describe('import rules', () => {
  it('no file crosses the layering rules', () => {
    const problems: string[] = []
    for (const file of sourceFiles(root)) {
      const from = toProjectPath(file)
      for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
        const why = violation(from, specifier, resolveTarget(file, specifier))
        if (why) problems.push(`${from} → ${specifier}: ${why}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('the sandboxed preload reaches no npm package other than electron, even through shared/', () => {
    const { files, packages } = reachableFrom('preload/index.ts')
    expect(files.length).toBeGreaterThan(1)
    expect(packages).toEqual(['electron'])
  })

  it('the window reaches neither zod nor the season tables (main prices the vault; they would weigh on every start)', () => {
    const { files, packages } = reachableFrom('renderer/src/main.tsx')
    expect(files.length).toBeGreaterThan(10)
    expect(packages.filter((p) => p.startsWith('zod'))).toEqual([])
    expect(files.filter((f) => f.startsWith('shared/season-tables/') || f === 'shared/domain/seasons.ts')).toEqual([])
  })

  it('actually scans the project (guards against a checker that reads nothing)', () => {
    const files = sourceFiles(root).map(toProjectPath)
    expect(files).toEqual(expect.arrayContaining(['shared/domain/vault.ts', 'main/store/db.ts']))
    expect(importSpecifiers(readFileSync(join(root, 'main/store/db.ts'), 'utf8'))).toContain('better-sqlite3')
  })
})

describe('the checker catches violations', () => {
  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs'", null],
    ['shared/domain/x.ts', "import React from 'react'", null],
    ['shared/domain/x.ts', "import { openStore } from '../../main/store/db.ts'", 'main/store/db.ts'],
    ['renderer/src/app.tsx', "import { openStore } from '../../main/store/db.ts'", 'main/store/db.ts'],
    ['renderer/src/app.tsx', "import { ipcRenderer } from 'electron'", null],
    ['main/store/db.ts', "import { app } from 'electron'", null],
    ['main/sync/x.ts', "const { app } = require('electron')", null],
    ['main/sync/x.ts', "const m = await import('electron')", null],
    ['main/store/db.ts', "import { createWindow } from '../electron/window.ts'", 'main/electron/window.ts'],
    ['preload/index.ts', "import { z } from 'zod'", null],
    ['main/store/x-repo.ts', "import type { X } from '../clients/http.ts'", 'main/clients/http.ts'],
    ['main/clients/blizzard/client.ts', "import { openStore } from '../../store/db.ts'", 'main/store/db.ts'],
    ['main/clients/http.ts', "import { sync } from '../sync/sync-service.ts'", 'main/sync/sync-service.ts'],
    ['main/cli.ts', "export { fakeServer } from '../test/fakes/server.ts'", 'test/fakes/server.ts'],
  ])('%s: %s', (from, line, target) => {
    const [specifier] = importSpecifiers(line)
    expect(specifier).toBeDefined()
    expect(violation(from, specifier as string, target)).not.toBeNull()
  })

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod'", null],
    ['shared/domain/x.ts', "import type { Region } from './types.ts'", 'shared/domain/types.ts'],
    ['renderer/src/app.tsx', "import { create } from 'zustand'", null],
    ['renderer/src/app.tsx', "import type { VaultApi } from '../../shared/ipc-contract.ts'", 'shared/ipc-contract.ts'],
    ['main/electron/app.ts', "import { app } from 'electron'", null],
    ['main/electron/app.ts', "import { openStore } from '../store/db.ts'", 'main/store/db.ts'],
    ['preload/index.ts', "import { contextBridge } from 'electron'", null],
    ['test/unit/x.test.ts', "vi.mock('electron')", null],
    ['bench/sync.bench.ts', "import { startFakeApis } from '../test/fakes/fake-apis.ts'", 'test/fakes/fake-apis.ts'],
  ])('allows %s: %s', (from, line, target) => {
    for (const specifier of importSpecifiers(line)) expect(violation(from, specifier, target)).toBeNull()
  })
})
