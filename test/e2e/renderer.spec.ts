import { expect, test } from '@playwright/test'
import { installFakeBridge } from './fake-bridge.ts'
import { seasonViewOf } from '../support/season-views.ts'
import { DEFAULT_BOARD_PREFERENCES } from '../../shared/domain/board.ts'

/** States that are hard to reach with the real core: a damaged database, no bridge, the CSP. */

const updatesOff = { state: 'off', version: null, message: null }
const settings = { ok: true as const, value: { notifications: true, closeToTray: true, startAtLogin: false, autoUpdate: true, credentials: { blizzard: { configured: false, from: null }, warcraftlogs: { configured: false, from: null } }, secureStorage: 'plaintext' as const, trackedQuests: [], board: DEFAULT_BOARD_PREFERENCES, reminderHours: 12, officerDigest: { hoursBeforeReset: 12, region: null, guild: null, configured: false, channelHint: null, lastPost: null }, wowDir: null, game: { folder: null, from: null, characters: null, region: null, message: 'World of Warcraft was not found in its usual folders.' }, raiderioKey: { configured: false, from: null } } }

test('explains a damaged database instead of showing a blank window', async ({ page }, testInfo) => {
  const error = { code: 'DB_CORRUPT' as const, message: 'The file at /data/vault.db is not a readable Vault Companion database. It was left untouched; move it away to start fresh.' }
  await installFakeBridge(page, {
    getAppInfo: { ok: true, value: { version: '0.1.0', database: { ok: false, error }, logsFolder: null, update: updatesOff } },
    listCharacters: { ok: false, error },
    getSettings: { ok: false, error },
  })
  await page.goto('/')
  await expect(page.getByRole('alert').first()).toContainText('The local database is damaged.')
  await expect(page.getByRole('alert').first()).toContainText('left untouched')
  await expect(page.getByRole('button', { name: 'Sync all' })).toBeDisabled()
  await page.screenshot({ path: testInfo.outputPath('database-error.png') })
})

test('warns in settings when the OS offers no secure storage', async ({ page }) => {
  await installFakeBridge(page, { getAppInfo: { ok: true, value: { version: '0.1.0', database: { ok: true, path: '/x' }, logsFolder: null, update: updatesOff } }, listCharacters: { ok: true, value: [] }, getSettings: settings })
  await page.goto('/#/settings')
  await expect(page.getByTestId('storage-warning')).toContainText('no secure secret store')
  // Nothing is saved without an explicit "yes": Save stays disabled until the box is ticked.
  const form = page.getByRole('form', { name: 'Blizzard credentials' })
  await form.getByRole('textbox', { name: 'Client ID' }).fill('id')
  await form.getByLabel('Client secret').fill('secret')
  await expect(form.getByRole('button', { name: 'Test and save' })).toBeDisabled()
  await form.getByRole('checkbox', { name: /Save without encryption/ }).check()
  await expect(form.getByRole('button', { name: 'Test and save' })).toBeEnabled()
})

test('says when an update waits for the quit, shows the logs folder, and keeps a refused start-at-login change off', async ({ page }) => {
  const info = { version: '0.1.0', database: { ok: true, path: '/x' }, logsFolder: '/home/p/.config/Vault Companion/logs', update: { state: 'ready', version: '0.2.0', message: null } }
  await installFakeBridge(page, {
    getAppInfo: { ok: true, value: info },
    listCharacters: { ok: true, value: [] },
    getSettings: { ok: true, value: { ...settings.value, secureStorage: 'encrypted' } },
    updateSettings: { ok: false, error: { code: 'INTERNAL', message: 'Could not change start at login: EACCES' } },
    openLogsFolder: { ok: true, value: { opened: true } },
  })
  await page.goto('/#/settings')
  await expect(page.getByTestId('update-ready')).toHaveText('Version 0.2.0 is ready: it installs when you quit Vault Companion.')
  await expect(page.getByTestId('logs-folder')).toHaveText('/home/p/.config/Vault Companion/logs')
  await page.getByRole('button', { name: 'Open logs folder' }).click()
  await expect(page.getByRole('checkbox', { name: /Keep Vault Companion up to date/ })).toBeChecked()
  const startAtLogin = page.getByRole('checkbox', { name: /Start with my computer/ })
  // The shell refused: the box must not claim what the OS did not do.
  await startAtLogin.click()
  await expect(page.getByRole('alert').filter({ hasText: 'Could not change start at login: EACCES' })).toBeVisible()
  await expect(startAtLogin).not.toBeChecked()
})

test('the Content-Security-Policy blocks inline scripts', async ({ page }) => {
  await installFakeBridge(page, { getAppInfo: { ok: true, value: { version: '0.1.0', database: { ok: true, path: '/x' }, logsFolder: null, update: updatesOff } }, listCharacters: { ok: true, value: [] }, getSettings: settings })
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  await page.goto('/')
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.body.appendChild(script)
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
  })
  expect(ran).toBe(false)
  await expect.poll(() => violations.length).toBeGreaterThan(0)
})

test('a season this version has no table for: the overview says so once, with where the update stands; Settings names the tables and a refused file', async ({ page }, testInfo) => {
  const season = seasonViewOf(false)
  const slots = (thresholds: number[], unlocked: number, key: 'difficulty' | 'level' | 'tier', value: unknown) =>
    thresholds.map((threshold, i) => ({ threshold, progress: Math.min(threshold, unlocked), unlocked: i < unlocked, [key]: i < unlocked ? value : null, itemLevel: null, reward: null }))
  const complete = { status: 'complete', reasons: [season.message] }
  const character = (id: number, name: string) => ({
    id, name, region: 'us', realm: 'area-52', realmName: 'Area 52', className: 'Shaman', specName: null, itemLevel: 311, lastLoginAt: null, raiderioCrawledAt: null,
    guild: null, crests: { known: false, kinds: [], note: null }, quests: [],
    lastWeek: { unlockedSlots: 0, opened: false, waiting: 'none' }, week: { period: 1105, start: Date.now() - 3_600_000, end: Date.now() + 86_400_000 }, season,
    raid: slots([2, 4, 6], 1, 'difficulty', 'heroic'), dungeons: slots([1, 4, 8], 1, 'level', 12), world: slots([2, 4, 8], 0, 'tier', null),
    trust: { raid: complete, dungeons: complete, world: complete }, lastSyncedAt: Date.now(), nextSyncAt: null,
    nextSteps: { raid: { unlock: null, upgrade: null }, dungeons: { unlock: null, upgrade: null }, world: { unlock: null, upgrade: null } }, failingSources: [], trackedSince: 0,
  })
  const seasonTables = { tables: [{ id: 'season-mn-2', name: 'Midnight Season 2', updated: '2026-12-04', from: 'shipped', file: 'season-mn-2.json', why: 'built into this version' }], problems: ['Season table season-mn-3.json: raidRewards.mythic.itemLevel: Invalid input; it is not used.'] }
  await installFakeBridge(page, {
    getAppInfo: { ok: true, value: { version: '0.2.0', database: { ok: true, path: '/x' }, logsFolder: null, update: { state: 'idle', version: null, message: null }, seasonTables } },
    listCharacters: { ok: true, value: [character(1, 'Thrall'), character(2, 'Jaina')] },
    getSettings: { ok: true, value: { ...settings.value, secureStorage: 'encrypted', importPort: 47615, importRedirectUri: 'http://127.0.0.1:47615/callback' } },
  })
  await page.goto('/')
  const notice = page.getByTestId('season-notice')
  await expect(notice).toHaveCount(1)
  await expect(notice).toContainText("This version does not know Midnight Season 3's rewards — update the app.")
  await expect(notice).toContainText('No newer version is out yet')
  // The slots still count, and no item level is shown as if known.
  await expect(page.getByTestId('character')).toHaveCount(2)
  for (const slot of await page.locator('[data-testid$="-slot"]').all()) await expect(slot).not.toContainText(/\d{3}/)
  await expect(page.getByTestId('raid-slot').first()).toHaveText('?H')
  await page.screenshot({ path: testInfo.outputPath('unknown-season.png'), fullPage: true })
  await page.goto('/#/settings')
  await expect(page.getByTestId('season-tables')).toContainText('Midnight Season 2 — checked 2026-12-04 (built in)')
  await expect(page.getByTestId('season-tables')).toContainText('season-mn-3.json: raidRewards.mythic.itemLevel')
})
