import { defineConfig } from '@playwright/test'

/**
 * Two projects: the built renderer in Debian's Chromium (Playwright's own browser download is not
 * possible here), and the real Electron app, which skips with a printed reason where its binary is
 * absent. Run `npm run build` first (the test:e2e script does).
 */
const PORT = 4173
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
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
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
