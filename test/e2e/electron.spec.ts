import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { VAULT_API_CHANNELS } from '../../shared/ipc-api.ts'
import { electronBinary } from './electron-binary.ts'

const binary = electronBinary()
if (!binary) {
  console.log('Skipping the Electron e2e tests: the Electron binary is not installed (run `npx install-electron` with internet, or set ELECTRON_PATH).')
}

test.describe('desktop app', () => {
  test.skip(!binary, 'Electron binary not installed')

  test('opens a locked-down window that exposes only window.vault', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'vault-electron-'))
    const app = await electron.launch({ executablePath: binary, args: ['.'], cwd: join(import.meta.dirname, '../..'), env: { ...process.env, VAULT_DATA_DIR: userData } })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('heading', { name: 'Vault Companion' })).toBeVisible()
      const globals = await page.evaluate(() => ({
        vault: Object.keys((window as unknown as { vault: object }).vault).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      }))
      expect(globals).toEqual({ vault: [...Object.keys(VAULT_API_CHANNELS), 'on'].sort(), hasRequire: false, hasProcess: false })
      // The stored (empty) state shows before any network.
      await expect(page.getByTestId('empty-characters')).toBeVisible()
      // New windows are denied and navigation away from the app is blocked.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true)
      await page.evaluate(() => { window.location.href = 'https://example.com/' })
      await expect(page.getByRole('heading', { name: 'Vault Companion' })).toBeVisible()
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    } finally {
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
