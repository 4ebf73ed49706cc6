import { posix, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appLogsFolder, startedSince, unpackedAppBinary } from '../../scripts/packaged-app.ts'

describe('where the packaged smoke test finds the app and its log', () => {
  it('the unpacked binary per OS (electron-builder --dir)', () => {
    expect(unpackedAppBinary('win32', 'x64', 'D:\\a\\vc\\release', win32)).toBe('D:\\a\\vc\\release\\win-unpacked\\Vault Companion.exe')
    expect(unpackedAppBinary('darwin', 'arm64', '/Users/r/vc/release', posix)).toBe('/Users/r/vc/release/mac-arm64/Vault Companion.app/Contents/MacOS/Vault Companion')
    expect(unpackedAppBinary('darwin', 'x64', '/Users/r/vc/release', posix)).toBe('/Users/r/vc/release/mac/Vault Companion.app/Contents/MacOS/Vault Companion')
    expect(unpackedAppBinary('linux', 'x64', '/home/r/vc/release', posix)).toBe('/home/r/vc/release/linux-unpacked/vault-companion')
  })

  it('the logs folder per OS (Electron\'s defaults, as README "Logs" says)', () => {
    expect(appLogsFolder('win32', { APPDATA: 'C:\\Users\\p\\AppData\\Roaming' }, 'C:\\Users\\p', win32)).toBe('C:\\Users\\p\\AppData\\Roaming\\Vault Companion\\logs')
    expect(appLogsFolder('win32', {}, 'C:\\Users\\p', win32)).toBe('C:\\Users\\p\\AppData\\Roaming\\Vault Companion\\logs')
    expect(appLogsFolder('darwin', {}, '/Users/p', posix)).toBe('/Users/p/Library/Logs/Vault Companion')
    expect(appLogsFolder('linux', { XDG_CONFIG_HOME: '/x/config' }, '/home/p', posix)).toBe('/x/config/Vault Companion/logs')
    // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    expect(appLogsFolder('linux', { XDG_CONFIG_HOME: 'config' }, '/home/p', posix)).toBe('/home/p/.config/Vault Companion/logs')
  })

  it('"started" counts only when logged after the launch', () => {
    const old = '[2026-12-01 10:00:00.000] [info]  started version=0.1.0\n'
    expect(startedSince(old, old.length)).toBe(false)
    expect(startedSince(`${old}[2026-12-04 10:00:00.000] [info]  started version=0.2.0 database=/d\n`, old.length)).toBe(true)
    expect(startedSince(`${old}[2026-12-04 10:00:00.000] [error] database could not be opened\n`, old.length)).toBe(false)
  })
})
