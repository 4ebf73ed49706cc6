import { expect, test } from '@playwright/test'
import { installFakeBridge } from './fake-bridge.ts'

const readyDb = { ok: true as const, value: { version: '0.1.0', database: { ok: true as const, path: '/data/vault.db' } } }

test('lists the tracked characters from the store', async ({ page }, testInfo) => {
  await installFakeBridge(page, {
    getAppInfo: readyDb,
    listCharacters: {
      ok: true,
      value: [
        { id: 1, region: 'us', realm: 'area-52', name: 'Thrall' },
        { id: 2, region: 'eu', realm: 'aggra-português', name: 'Ñøñå' },
      ],
    },
  })
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Vault Companion' })).toBeVisible()
  await expect(page.getByTestId('character')).toHaveText(['Thrallarea-52 · US', 'Ñøñåaggra-português · EU'])
  await expect(page.getByText('v0.1.0')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('characters.png') })
})

test('shows an empty state when nothing is tracked', async ({ page }) => {
  await installFakeBridge(page, { getAppInfo: readyDb, listCharacters: { ok: true, value: [] } })
  await page.goto('/')
  await expect(page.getByTestId('empty-characters')).toHaveText('No characters tracked yet.')
})

test('explains a damaged database instead of showing a blank window', async ({ page }, testInfo) => {
  const error = { code: 'DB_CORRUPT' as const, message: 'The file at /data/vault.db is not a readable Vault Companion database. It was left untouched; move it away to start fresh.' }
  await installFakeBridge(page, {
    getAppInfo: { ok: true, value: { version: '0.1.0', database: { ok: false, error } } },
    listCharacters: { ok: false, error },
  })
  await page.goto('/')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The local database is damaged.')
  await expect(alert).toContainText('left untouched')
  await page.screenshot({ path: testInfo.outputPath('database-error.png') })
})

test('says so when opened outside the desktop app (no bridge)', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('alert')).toContainText('desktop bridge is missing')
})

test('the Content-Security-Policy blocks inline scripts', async ({ page }) => {
  await installFakeBridge(page, { getAppInfo: readyDb, listCharacters: { ok: true, value: [] } })
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
