import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl, isAppUrl, mainWindowOptions } from '../../../main/desktop/window-options.ts'

describe('window security', () => {
  it('isolates and sandboxes the renderer without Node', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false })
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
  })

  const fileEntry = 'file:///opt/vault/resources/app.asar/out/renderer/index.html'
  it.each([
    [fileEntry, fileEntry, true],
    [`${fileEntry}#/character/3`, fileEntry, true],
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
