import { join } from 'node:path'
import type { Page, TestInfo } from '@playwright/test'

/**
 * A screenshot in the test's output; with UPDATE_SCREENSHOTS=1 also the README's copy in
 * docs/screenshots (regenerated on purpose, like the CLI goldens).
 */
export async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage })
  if (process.env.UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'docs', 'screenshots', `${name}.png`), fullPage })
}
