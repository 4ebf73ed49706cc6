import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { TrustedSenders } from '../desktop/trusted-senders.ts'
import type { IpcHandlers } from '../ipc-handlers.ts'
import type { Logger } from '../logging.ts'
import type { InvokeChannel, VaultEventName, VaultEvents } from '../../shared/ipc-api.ts'
import { INVOKE_CHANNELS } from '../../shared/ipc-contract.ts'
import { err } from '../../shared/result.ts'

/**
 * Registers every contract channel. Electron security checklist item 17: the sender of every call is
 * checked, by WebContents id (only the app's own windows) and by the URL of the calling frame.
 */
export function registerIpc(handlers: IpcHandlers, senders: TrustedSenders, log: Logger): void {
  for (const channel of Object.keys(INVOKE_CHANNELS) as InvokeChannel[]) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url
      if (!senders.isTrusted({ webContentsId: event.sender.id, frameUrl })) {
        log.warn('IPC call refused', { channel, sender: event.sender.id, url: frameUrl ?? null })
        return err('INVALID_INPUT', 'Request refused: it did not come from the app window.')
      }
      const result = await handlers[channel](args)
      if (!result.ok && result.error.code === 'INTERNAL') log.error('IPC call failed', { channel, error: result.error.message })
      return result
    })
  }
}

/** Pushes an event to the window, if it is still open. */
export function sendEvent<E extends VaultEventName>(window: BrowserWindow | undefined, event: E, payload: VaultEvents[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(event, payload)
}
