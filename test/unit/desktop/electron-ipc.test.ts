import { describe, expect, it, vi } from 'vitest'
import type { IpcHandlers } from '../../../main/ipc-handlers.ts'
import { VAULT_API_CHANNELS } from '../../../shared/ipc-api.ts'

// A factory mock: the real `electron` module (which would download its binary) is never loaded.
const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => registered.set(channel, fn) } }))

const { registerIpc } = await import('../../../main/electron/ipc.ts')
const { createTrustedSenders } = await import('../../../main/desktop/trusted-senders.ts')
const { createLineLogger } = await import('../../../main/logging.ts')

const ENTRY = 'file:///opt/vault/resources/app.asar/out/renderer/index.html'

describe('Electron IPC registration', () => {
  const calls: unknown[][] = []
  const handlers = new Proxy({}, { get: (_t, channel) => async (args: unknown[]) => { calls.push([channel, args]); return { ok: true, value: 'handled' } } }) as IpcHandlers
  const senders = createTrustedSenders(ENTRY)
  const APP_WINDOW = 7
  senders.trust(APP_WINDOW)
  const logged: string[] = []
  registerIpc(handlers, senders, createLineLogger((line) => logged.push(line)))

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual(Object.values(VAULT_API_CHANNELS).sort())
  })

  it('passes calls from the app page, with their arguments, to the handler', async () => {
    const result = await registered.get('vault:get')!({ sender: { id: APP_WINDOW }, senderFrame: { url: `${ENTRY}#/character/1` } }, { characterId: 1 })
    expect(result).toEqual({ ok: true, value: 'handled' })
    expect(calls.at(-1)).toEqual(['vault:get', [{ characterId: 1 }]])
  })

  it.each([
    ['another page in the app window', { sender: { id: APP_WINDOW }, senderFrame: { url: 'https://evil.example/' } }],
    ['another local file', { sender: { id: APP_WINDOW }, senderFrame: { url: 'file:///tmp/evil.html' } }],
    ['a frame that is gone', { sender: { id: APP_WINDOW }, senderFrame: null }],
    ['another WebContents showing the app page', { sender: { id: 99 }, senderFrame: { url: ENTRY } }],
  ])('refuses calls from %s without reaching the handler, and logs the refusal', async (_label, event) => {
    const before = calls.length
    const result = await registered.get('credentials:save')!(event, { source: 'blizzard', clientId: 'a', clientSecret: 'b' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(calls.length).toBe(before)
    expect(logged.at(-1)).toMatch(/warn\s+IPC call refused channel=credentials:save sender=\d+/)
  })

  it('stops trusting a window once it is gone', async () => {
    senders.forget(APP_WINDOW)
    const result = await registered.get('vault:get')!({ sender: { id: APP_WINDOW }, senderFrame: { url: ENTRY } }, { characterId: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    senders.trust(APP_WINDOW)
  })
})
