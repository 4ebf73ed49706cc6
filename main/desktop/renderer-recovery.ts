import type { Logger } from '../logging.ts'

/** Why a renderer process ended, as Electron's `render-process-gone` reports it. */
export type GoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction'

export interface RendererRecoveryActions {
  reload(): void
  /** Replaces the page with a static error page (errorPageUrl). */
  showError(title: string, message: string): void
  log: Logger
  now(): number
}

/** A second crash within this long after a reload shows the error page instead of reloading again. */
export const RELOAD_WINDOW_MS = 60_000

/**
 * What to do when the window's renderer dies or its page cannot load: reload once, and if that does
 * not hold (another crash within a minute), show an error page rather than a blank or looping window.
 */
export function createRendererRecovery(actions: RendererRecoveryActions) {
  let lastReloadAt: number | undefined
  return {
    processGone(reason: GoneReason, exitCode: number): void {
      if (reason === 'clean-exit') return
      actions.log.error('window renderer gone', { reason, exitCode })
      const now = actions.now()
      if (lastReloadAt === undefined || now - lastReloadAt > RELOAD_WINDOW_MS) {
        lastReloadAt = now
        actions.reload()
        return
      }
      actions.showError('The window stopped working', `Its page crashed twice in a row (${reason}). Your data is safe and syncing goes on in the background. Close this window and open it again from the tray; if it keeps happening, the log has the details.`)
    },
    loadFailed(url: string, code: number, description: string): void {
      // -3 is ERR_ABORTED: a newer navigation replaced this one, nothing failed.
      if (code === -3 || url.startsWith('data:')) return
      actions.log.error('window failed to load', { url, code, description })
      actions.showError('The window could not load', `Vault Companion could not load its own page (${description || `error ${code}`}). Reinstalling the app usually fixes this; the log has the details.`)
    },
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A self-contained error page (no script, no remote content) as a data: URL. */
export function errorPageUrl(title: string, message: string): string {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escapeHtml(title)}</title><style>body{font:15px system-ui,sans-serif;margin:3em;color:#222;background:#fafafa}h1{font-size:1.3em}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`
}
