import { isAppUrl } from './window-options.ts'

/**
 * Which WebContents may call the IPC API (GitHub Desktop's idea): the ids of the app's own windows,
 * and only while they show the app's page. A page that reached a window some other way, or the
 * app's window showing anything else (the error page), is refused.
 */
export function createTrustedSenders(appEntryUrl: string) {
  const ids = new Set<number>()
  return {
    trust(webContentsId: number): void {
      ids.add(webContentsId)
    },
    forget(webContentsId: number): void {
      ids.delete(webContentsId)
    },
    isTrusted(sender: { webContentsId: number; frameUrl: string | undefined }): boolean {
      return ids.has(sender.webContentsId) && sender.frameUrl !== undefined && isAppUrl(sender.frameUrl, appEntryUrl)
    },
  }
}
export type TrustedSenders = ReturnType<typeof createTrustedSenders>
