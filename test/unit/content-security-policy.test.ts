import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEV_CSP, devCsp, STRICT_CSP } from '../../scripts/content-security-policy.ts'

const indexHtml = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8')

describe('Content-Security-Policy', () => {
  it('the page ships the strict policy: no inline script or style, no connections', () => {
    expect(indexHtml).toContain(`content="${STRICT_CSP}"`)
    expect(STRICT_CSP).not.toContain('unsafe')
    expect(STRICT_CSP).toContain("connect-src 'none'")
  })

  it('only the dev server relaxes it, for inline styles, React Refresh and the hot-reload socket', () => {
    const dev = devCsp(indexHtml)
    expect(dev).toContain(`content="${DEV_CSP}"`)
    expect(dev).not.toContain(STRICT_CSP)
    expect(DEV_CSP).toContain('ws://localhost:*')
    // Still nothing remote.
    expect(DEV_CSP).not.toMatch(/https?:/)
  })

  it('notices when index.html and the strict policy drift apart', () => {
    expect(() => devCsp(indexHtml.replace("connect-src 'none'", "connect-src *"))).toThrow(/no longer carries STRICT_CSP/)
  })
})
