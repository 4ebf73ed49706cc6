import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, rendererEntryUrl, resolveAppFile } from '../../../main/desktop/app-protocol.ts'
import { isAllowedExternalUrl, isAppDownloadUrl, isAppUrl, mainWindowOptions } from '../../../main/desktop/window-options.ts'

describe('window security', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false })
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })

  const fileEntry = 'file:///opt/vault/resources/app.asar/out/renderer/index.html'
  it.each([
    [APP_ENTRY_URL, APP_ENTRY_URL, true],
    [`${APP_ENTRY_URL}#/character/3`, APP_ENTRY_URL, true],
    ['app://elsewhere/index.html', APP_ENTRY_URL, false],
    ['app://vault/other.html', APP_ENTRY_URL, false],
    ['file:///index.html', APP_ENTRY_URL, false],
    [fileEntry, fileEntry, true],
    [`${fileEntry}#/character/3`, fileEntry, true],
    // A UNC path on Windows: same path, another host.
    ['file://otherhost/opt/vault/resources/app.asar/out/renderer/index.html', fileEntry, false],
    ['file:///etc/passwd', fileEntry, false],
    ['https://evil.example/', fileEntry, false],
    ['http://localhost:5173/settings', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    ['not a url', fileEntry, false],
    ['', fileEntry, false],
  ])('isAppUrl(%s) for entry %s is %s', (url, entry, expected) => {
    expect(isAppUrl(url, entry)).toBe(expected)
  })

  it.each([
    ['blob:app://vault/0b4c7a1e-9a1f-4b55-8d3c-3f1b2a9e6d10', 'app://vault/index.html', true],
    ['blob:http://localhost:5173/0b4c7a1e', 'http://localhost:5173/', true],
    ['blob:app://other/0b4c7a1e', 'app://vault/index.html', false],
    ['blob:https://evil.example/0b4c7a1e', 'app://vault/index.html', false],
    ['https://evil.example/payload.exe', 'app://vault/index.html', false],
    ['app://vault/index.html', 'app://vault/index.html', false],
    ['blob:null/0b4c7a1e', 'file:///opt/vault/index.html', false],
    ['blob:', 'app://vault/index.html', false],
  ])('isAppDownloadUrl(%s) for entry %s is %s: only files the page made itself', (url, entry, expected) => {
    expect(isAppDownloadUrl(url, entry)).toBe(expected)
  })

  it.each([
    ['https://develop.battle.net/access/clients', true],
    ['https://www.warcraftlogs.com/api/clients/', true],
    ['http://develop.battle.net/access/clients', false],
    ['https://develop.battle.net.evil.example/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
  ])('external link %s allowed: %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected)
  })
})

describe('app:// protocol', () => {
  // The renderer folder as the packaged app has it on this platform: the expectations use its own path rules.
  const windows = process.platform === 'win32'
  const root = windows ? 'C:\\Program Files\\Vault Companion\\resources\\app.asar\\out\\renderer' : '/opt/vault/resources/app.asar/out/renderer'
  it.each([
    ['app://vault/index.html', join(root, 'index.html')],
    ['app://vault/', join(root, 'index.html')],
    ['app://vault/assets/index-abc.js', join(root, 'assets', 'index-abc.js')],
    // The URL parser folds these dot segments away: what is left stays inside the renderer folder.
    ['app://vault/../../secrets.txt', join(root, 'secrets.txt')],
    ['app://vault/%2e%2e/%2e%2e/etc/passwd', join(root, 'etc', 'passwd')],
    ['app://vault/assets/..%2f..%2f..%2fetc/passwd', null],
    ['app://vault/%00index.html', null],
    ['app://other/index.html', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
    // A backslash is a separator only on Windows: there these escape attempts are refused; elsewhere it is
    // a character of a file name inside the folder (which does not exist, so nothing is served). A name
    // that starts with ".." is refused everywhere.
    ['app://vault/..%5c..%5c..%5cWindows%5cwin.ini', null],
    ['app://vault/C:%5cWindows%5cwin.ini', windows ? null : join(root, 'C:\\Windows\\win.ini')],
    ['app://vault/%5c%5cserver%5cshare%5cx', windows ? join(root, 'server', 'share', 'x') : join(root, '\\\\server\\share\\x')],
  ])('%s → %s', (url, expected) => {
    expect(resolveAppFile(url, root)).toBe(expected)
  })

  it('honours the dev server URL only in development, never in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }
    expect(rendererEntryUrl(false, env)).toBe('http://localhost:5173/')
    expect(rendererEntryUrl(true, env)).toBe(APP_ENTRY_URL)
    expect(rendererEntryUrl(false, {})).toBe(APP_ENTRY_URL)
  })
})
