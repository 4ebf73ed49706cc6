import { contextBridge, ipcRenderer } from 'electron'
import { VAULT_API_CHANNELS, type VaultApi } from '../shared/ipc-api.ts'

// Sandboxed preload: exposes exactly the contract as `window.vault`, one invoke per method.
const api = Object.fromEntries(
  Object.entries(VAULT_API_CHANNELS).map(([method, channel]) => [method, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
) as unknown as VaultApi

contextBridge.exposeInMainWorld('vault', api)
