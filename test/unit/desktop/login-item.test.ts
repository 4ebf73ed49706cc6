import { describe, expect, it, vi } from 'vitest'
import { applyStartAtLogin, autostartDir, autostartEntry, HIDDEN_ARG, REQUIRES_APPROVAL, startedHidden, type LoginItemHost } from '../../../main/desktop/login-item.ts'

function host(platform: NodeJS.Platform, executable = '/opt/Vault Companion/vault-companion'): LoginItemHost & { files: Map<string, string> } {
  const files = new Map<string, string>()
  return {
    platform,
    executable,
    autostartDir: '/home/p/.config/autostart',
    setLoginItemSettings: vi.fn(),
    writeFile: (path, text) => files.set(path, text),
    removeFile: (path) => files.delete(path),
    files,
  }
}

describe('start at login', () => {
  it('on Linux writes an XDG autostart entry that starts the app hidden, and removes it when turned off', () => {
    const linux = host('linux')
    applyStartAtLogin(true, linux)
    const entry = linux.files.get('/home/p/.config/autostart/vault-companion.desktop')
    expect(entry).toContain('[Desktop Entry]')
    expect(entry).toContain(`Exec="/opt/Vault Companion/vault-companion" ${HIDDEN_ARG}`)
    expect(linux.setLoginItemSettings).not.toHaveBeenCalled()
    applyStartAtLogin(false, linux)
    expect(linux.files.size).toBe(0)
  })

  it('quotes an executable path the way the Desktop Entry spec asks', () => {
    expect(autostartEntry('/home/p/Apps/Vault$"x".AppImage')).toContain('Exec="/home/p/Apps/Vault\\$\\"x\\".AppImage" --hidden')
    expect(autostartEntry('/usr/bin/vault-companion')).toContain('Exec=/usr/bin/vault-companion --hidden')
  })

  it('uses the login item on Windows (with the hidden argument) and macOS (no openAsHidden: Electron 44 removed it)', () => {
    const windows = host('win32')
    applyStartAtLogin(true, windows)
    expect(windows.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] })
    const mac = host('darwin')
    applyStartAtLogin(false, mac)
    expect(mac.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: false })
    expect(windows.files.size + mac.files.size).toBe(0)
  })

  it('macOS: a login item held for approval says what to do; an accepted one says nothing', () => {
    const held = { ...host('darwin'), loginItemStatus: () => 'requires-approval' }
    expect(applyStartAtLogin(true, held)).toBe(REQUIRES_APPROVAL)
    expect(applyStartAtLogin(true, { ...host('darwin'), loginItemStatus: () => 'enabled' })).toBeUndefined()
    // Turning it off never needs approval.
    expect(applyStartAtLogin(false, held)).toBeUndefined()
  })

  it('finds the autostart folder from XDG_CONFIG_HOME, ignoring a relative one as the spec says', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/p')).toBe('/cfg/autostart')
    expect(autostartDir({ XDG_CONFIG_HOME: 'relative' }, '/home/p')).toBe('/home/p/.config/autostart')
    expect(autostartDir({}, '/home/p')).toBe('/home/p/.config/autostart')
  })

  it('knows a start from the login entry', () => {
    expect(startedHidden(['/opt/app', HIDDEN_ARG], false)).toBe(true)
    expect(startedHidden(['/opt/app'], true)).toBe(true)
    expect(startedHidden(['/opt/app'], false)).toBe(false)
  })
})
