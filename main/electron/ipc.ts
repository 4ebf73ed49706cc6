import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { isAppUrl } from '../desktop/window-options.ts'
import type { IpcHandlers } from '../ipc-handlers.ts'
import type { InvokeChannel, VaultEventName, VaultEvents } from '../../shared/ipc-api.ts'
import { INVOKE_CHANNELS } from '../../shared/ipc-contract.ts'
import { err } from '../../shared/result.ts'

/** Registers every contract channel; calls from any frame other than the app's own page are refused. */
export function registerIpc(handlers: IpcHandlers, appEntryUrl: string): void {
  for (const channel of Object.keys(INVOKE_CHANNELS) as InvokeChannel[]) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      // Electron security checklist item 17: validate the sender of every IPC message.
      const frameUrl = event.senderFrame?.url ?? ''
      if (!isAppUrl(frameUrl, appEntryUrl)) return err('INVALID_INPUT', 'Request refused: it did not come from the app window.')
      return handlers[channel](args)
    })
  }
}

/** Pushes an event to the window, if it is still open. */
export function sendEvent<E extends VaultEventName>(window: BrowserWindow | undefined, event: E, payload: VaultEvents[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(event, payload)
}
