import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { defineConfig } from '@playwright/test'

/**
 * Two projects: the built renderer in Chromium, and the real Electron app, which skips with a printed
 * reason where its binary is absent (and fails under REQUIRE_ELECTRON=1, as in CI). The Chromium is
 * CHROMIUM_PATH when set, else a `chromium` on the PATH (Debian's, where Playwright's own download is
 * not possible), else Playwright's own (`npx playwright install chromium`, as the GitHub workflow does).
 * Run `npm run build` first (the test:e2e script does).
 */
const PORT = 4173

/** A system Chromium on the PATH (Linux packages name it chromium or chromium-browser), if any. */
function chromiumOnPath(): string | undefined {
  if (process.platform === 'win32') return undefined
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['chromium', 'chromium-browser']) if (existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}
const chromium = process.env.CHROMIUM_PATH ?? chromiumOnPath()
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results/e2e',
  reporter: process.env.CI ? [['list']] : [['list']],
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  use: { screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'renderer',
      testMatch: /(renderer|app)\.spec\.ts/,
      use: {
        baseURL: `http://127.0.0.1:${PORT}`,
        viewport: { width: 900, height: 600 },
        launchOptions: { ...(chromium ? { executablePath: chromium } : {}), args: chromiumArgs },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    command: `node test/e2e/bridge-server.ts ${PORT}`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
  },
})
