import type { Page } from '@playwright/test'
import type { VaultApi } from '../../shared/ipc-api.ts'
import type { Result } from '../../shared/result.ts'

type Answers = { [M in Exclude<keyof VaultApi, 'on'>]?: Result<unknown> }

/** Canned answers for window.vault, installed before the app's scripts run (the bridge server's script then steps aside). */
export async function installFakeBridge(page: Page, answers: Answers): Promise<void> {
  await page.addInitScript((canned) => {
    const fallback = { ok: false, error: { code: 'INTERNAL', message: 'not in this test' } }
    const api = new Proxy({}, { get: (_t, method: string) => (method === 'on' ? () => () => {} : () => Promise.resolve(canned[method as keyof typeof canned] ?? fallback)) })
    Object.defineProperty(window, 'vault', { value: api, configurable: false })
  }, answers)
}
