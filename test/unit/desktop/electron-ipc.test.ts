import { describe, expect, it, vi } from 'vitest'
import type { IpcHandlers } from '../../../main/ipc-handlers.ts'
import { VAULT_API_CHANNELS } from '../../../shared/ipc-api.ts'

// A factory mock: the real `electron` module (which would download its binary) is never loaded.
const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => registered.set(channel, fn) } }))

const { registerIpc } = await import('../../../main/electron/ipc.ts')

const ENTRY = 'file:///opt/vault/resources/app.asar/out/renderer/index.html'

describe('Electron IPC registration', () => {
  const calls: unknown[][] = []
  const handlers = new Proxy({}, { get: (_t, channel) => async (args: unknown[]) => { calls.push([channel, args]); return { ok: true, value: 'handled' } } }) as IpcHandlers
  registerIpc(handlers, ENTRY)

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual(Object.values(VAULT_API_CHANNELS).sort())
  })

  it('passes calls from the app page, with their arguments, to the handler', async () => {
    const result = await registered.get('vault:get')!({ senderFrame: { url: `${ENTRY}#/character/1` } }, { characterId: 1 })
    expect(result).toEqual({ ok: true, value: 'handled' })
    expect(calls.at(-1)).toEqual(['vault:get', [{ characterId: 1 }]])
  })

  it.each([
    ['another page', { senderFrame: { url: 'https://evil.example/' } }],
    ['another local file', { senderFrame: { url: 'file:///tmp/evil.html' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses calls from %s without reaching the handler', async (_label, event) => {
    const before = calls.length
    const result = await registered.get('credentials:save')!(event, { source: 'blizzard', clientId: 'a', clientSecret: 'b' })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(calls.length).toBe(before)
  })
})
