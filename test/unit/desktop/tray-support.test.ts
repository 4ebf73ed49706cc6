import { describe, expect, it } from 'vitest'
import { closeKeepsRunning, trayIsVisible } from '../../../main/desktop/tray-support.ts'

describe('a desktop without a tray', () => {
  it.each([
    ['win32', {}, true],
    ['darwin', {}, true],
    ['linux', { XDG_CURRENT_DESKTOP: 'KDE' }, true],
    ['linux', { XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, true],
    ['linux', { XDG_CURRENT_DESKTOP: 'GNOME' }, false],
    ['linux', { XDG_CURRENT_DESKTOP: 'GNOME-Classic:GNOME' }, false],
    ['linux', {}, true],
  ] as const)('%s %j shows a tray: %s', (platform, env, visible) => {
    expect(trayIsVisible(platform, env)).toBe(visible)
  })

  it('closing quits where no tray can be seen, whatever the setting says', () => {
    expect(closeKeepsRunning(true, false)).toBe(false)
    expect(closeKeepsRunning(true, true)).toBe(true)
    expect(closeKeepsRunning(false, true)).toBe(false)
  })
})
