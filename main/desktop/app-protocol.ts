import { isAbsolute, join, normalize, relative } from 'node:path'

/**
 * The app's own scheme: the window loads `app://vault/index.html` instead of a file:// URL, so the
 * page has a real origin of its own (file:// pages share one origin with every local file, and a
 * file://otherhost/… URL can point at a network share on Windows). Electron's guide recommends it.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'vault'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * The file behind an app:// URL: only on the app's host and only inside the renderer folder (no `..`,
 * no encoded traversal); null for anything else, which the shell answers with 404.
 */
export function resolveAppFile(url: string, rendererRoot: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const file = normalize(join(rendererRoot, path === '/' ? 'index.html' : path))
  const inside = relative(rendererRoot, file)
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null
}

/**
 * The page the window loads: the app:// entry in a packaged app; in development, electron-vite's dev
 * server when it says so (ELECTRON_RENDERER_URL), so hot reload works. A packaged app never honours
 * that variable: anyone who could set it could give the preload bridge to any page.
 */
export function rendererEntryUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string {
  const devServer = env.ELECTRON_RENDERER_URL
  return !isPackaged && devServer ? devServer : APP_ENTRY_URL
}
