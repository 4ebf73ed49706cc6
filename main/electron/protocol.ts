import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { APP_SCHEME, resolveAppFile } from '../desktop/app-protocol.ts'

/** Declares app:// as a standard, secure scheme; must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }])
}

/** Serves the built renderer over app:// (only files inside it; everything else is a 404). */
export function serveAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(request.url, rendererRoot)
    return file ? net.fetch(pathToFileURL(file).href) : new Response('Not found', { status: 404 })
  })
}
