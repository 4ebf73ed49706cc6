import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { VAULT_API_CHANNELS, VAULT_EVENT_NAMES, type VaultApi, type VaultEventName } from '../shared/ipc-api.ts'

// Sandboxed preload: exposes exactly the contract as `window.vault`. Each method is one invoke; `on`
// subscribes to a known event and returns an unsubscribe. The IpcRendererEvent (which reaches
// ipcRenderer itself) is never handed to the page.
const invoke = Object.fromEntries(
  Object.entries(VAULT_API_CHANNELS).map(([method, channel]) => [method, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
)

function on(event: VaultEventName, listener: (payload: unknown) => void): () => void {
  if (!VAULT_EVENT_NAMES.includes(event)) throw new Error(`Unknown event "${String(event)}"`)
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
  ipcRenderer.on(event, handler)
  return () => {
    ipcRenderer.removeListener(event, handler)
  }
}

contextBridge.exposeInMainWorld('vault', { ...invoke, on } as unknown as VaultApi)
