import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { VAULT_API_CHANNELS } from '../../shared/ipc-api.ts'
import { databasePath } from '../../main/data-dir.ts'
import { addCharacter } from '../../main/store/characters-repo.ts'
import { openStore } from '../../main/store/db.ts'
import { startFakeApis } from '../fakes/fake-apis.ts'
import { electronBinary } from '../../scripts/electron-binary.ts'

const binary = electronBinary()
if (!binary) {
  // In CI (REQUIRE_ELECTRON=1) a missing binary is a failure: a skipped suite there would be a green lie.
  if (process.env.REQUIRE_ELECTRON === '1') throw new Error('REQUIRE_ELECTRON=1, but the Electron binary is not installed (node scripts/ensure-electron.ts installs it; ELECTRON_EXEC_PATH points at one).')
  console.log('Skipping the Electron e2e tests: the Electron binary is not installed (run `npx install-electron` with internet, or set ELECTRON_EXEC_PATH).')
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

  /** Launches the app on a fresh data folder (and config folder, for the autostart entry); no source is reachable. */
  async function launch(args: string[] = [], prepare?: (dataDir: string) => void) {
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-electron-'))
    const configHome = mkdtempSync(join(tmpdir(), 'vault-xdg-'))
    prepare?.(dataDir)
    const app = await electron.launch({
      executablePath: binary,
      args: ['.', ...args],
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, VAULT_DATA_DIR: dataDir, XDG_CONFIG_HOME: configHome, VAULT_RAIDERIO_URL: 'http://127.0.0.1:9' },
    })
    const cleanUp = async () => {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(configHome, { recursive: true, force: true })
    }
    return { app, configHome, cleanUp }
  }

  test('a vault-companion:// link opens that tracked character', async () => {
    const { app, cleanUp } = await launch(['vault-companion://character/us/area-52/Thrall'], (dataDir) => {
      const store = openStore(databasePath(dataDir))
      addCharacter(store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, Date.now())
      store.close()
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('heading', { name: /Thrall/, level: 1 })).toBeVisible()
    } finally {
      await cleanUp()
    }
  })

  test('"Start with my computer" writes the autostart entry (Linux) and removes it again', async () => {
    test.skip(process.platform !== 'linux', 'the XDG autostart entry is Linux only')
    const { app, configHome, cleanUp } = await launch()
    try {
      const page = await app.firstWindow()
      await page.getByRole('link', { name: 'Settings' }).click()
      const entry = join(configHome, 'autostart', 'vault-companion.desktop')
      await page.getByRole('checkbox', { name: /Start with my computer/ }).check()
      await expect.poll(() => existsSync(entry) && readFileSync(entry, 'utf8')).toContain('--hidden')
      await page.getByRole('checkbox', { name: /Start with my computer/ }).uncheck()
      await expect.poll(() => existsSync(entry)).toBe(false)
    } finally {
      await cleanUp()
    }
  })

  test('Sync All Now (the action the tray and the File menu share) syncs again after the start-up sync', async () => {
    const apis = await startFakeApis()
    const profileRequests = () => apis.raiderio.server.requests.filter((r) => r.path === '/api/v1/characters/profile').length
    const dataDir = mkdtempSync(join(tmpdir(), 'vault-electron-'))
    const store = openStore(databasePath(dataDir))
    addCharacter(store.db, { region: 'us', realm: 'area-52', name: 'Thrall' }, Date.now())
    store.close()
    const app = await electron.launch({ executablePath: binary, args: ['.'], cwd: join(import.meta.dirname, '../..'), env: { ...process.env, ...apis.env, VAULT_DATA_DIR: dataDir } })
    try {
      await app.firstWindow()
      // The start-up sync asks Raider.IO once for the character.
      await expect.poll(profileRequests).toBe(1)
      await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('sync-all')?.click())
      await expect.poll(profileRequests).toBe(2)
    } finally {
      await app.close()
      await apis.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
