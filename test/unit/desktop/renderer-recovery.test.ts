import { describe, expect, it, vi } from 'vitest'
import { createRendererRecovery, errorPageUrl, RELOAD_WINDOW_MS } from '../../../main/desktop/renderer-recovery.ts'
import { silentLogger } from '../../../main/logging.ts'

function setUp() {
  let now = 1_000_000
  const actions = { reload: vi.fn(), showError: vi.fn(), log: silentLogger, now: () => now }
  return { recovery: createRendererRecovery(actions), actions, advance: (ms: number) => (now += ms) }
}

describe('window recovery', () => {
  it('reloads a crashed page once, and shows the error page if it crashes again soon after', () => {
    const { recovery, actions, advance } = setUp()
    recovery.processGone('crashed', 139)
    expect(actions.reload).toHaveBeenCalledOnce()
    advance(5_000)
    recovery.processGone('oom', 0)
    expect(actions.reload).toHaveBeenCalledOnce()
    expect(actions.showError).toHaveBeenCalledWith('The window stopped working', expect.stringContaining('(oom)'))
  })

  it('reloads again after a crash long after the last one', () => {
    const { recovery, actions, advance } = setUp()
    recovery.processGone('crashed', 1)
    advance(RELOAD_WINDOW_MS + 1)
    recovery.processGone('killed', 1)
    expect(actions.reload).toHaveBeenCalledTimes(2)
    expect(actions.showError).not.toHaveBeenCalled()
  })

  it('ignores a clean exit', () => {
    const { recovery, actions } = setUp()
    recovery.processGone('clean-exit', 0)
    expect(actions.reload).not.toHaveBeenCalled()
  })

  it('shows a failed load instead of a blank window, but not an aborted one or the error page itself', () => {
    const { recovery, actions } = setUp()
    recovery.loadFailed('app://vault/index.html', -3, 'ERR_ABORTED')
    recovery.loadFailed('data:text/html,x', -2, 'ERR_FAILED')
    expect(actions.showError).not.toHaveBeenCalled()
    recovery.loadFailed('app://vault/index.html', -6, 'ERR_FILE_NOT_FOUND')
    expect(actions.showError).toHaveBeenCalledWith('The window could not load', expect.stringContaining('ERR_FILE_NOT_FOUND'))
  })

  it('builds a script-free error page with the text escaped', () => {
    const url = errorPageUrl('Oops <b>', 'Path C:\\x & "quotes"')
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
    const html = decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('Oops &#60;b&#62;')
    expect(html).toContain('&#38; &#34;quotes&#34;')
  })
})
