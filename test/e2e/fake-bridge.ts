import type { Page } from '@playwright/test'
import type { AppInfo, CharacterSummary } from '../../shared/ipc-api.ts'
import type { Result } from '../../shared/result.ts'

/** Canned answers for window.vault, installed before the app's scripts run. */
export interface FakeBridgeAnswers {
  getAppInfo: Result<AppInfo>
  listCharacters: Result<CharacterSummary[]>
}

export async function installFakeBridge(page: Page, answers: FakeBridgeAnswers): Promise<void> {
  await page.addInitScript((canned) => {
    const api = Object.fromEntries(Object.entries(canned).map(([method, answer]) => [method, () => Promise.resolve(answer)]))
    Object.defineProperty(window, 'vault', { value: Object.freeze(api), configurable: false })
  }, answers)
}
