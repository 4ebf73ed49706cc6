/**
 * Security settings of the app window, kept out of main/electron/ so they can be tested without
 * Electron. Follows Electron's security checklist (docs/tutorial/security.md): isolated, sandboxed
 * renderer without Node, no remote content, no navigation, no new windows, no permissions.
 */

/** The webPreferences every app window uses. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  } as const
}

/** Options of the main window: starts hidden so the first paint is not a white flash. */
export function mainWindowOptions(preloadPath: string) {
  return {
    width: 1100,
    height: 720,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#0f1115',
    title: 'Vault Companion',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  }
}

/**
 * True when a URL is the app's own page: the app:// entry (any route inside it), or the dev server
 * during development. Scheme, host and port must match exactly: `file://otherhost/<same path>` (a
 * network share on Windows) or another app:// host is not the app. Used for IPC sender checks and to
 * block navigation anywhere else.
 */
export function isAppUrl(url: string, appEntryUrl: string): boolean {
  let candidate: URL
  let entry: URL
  try {
    candidate = new URL(url)
    entry = new URL(appEntryUrl)
  } catch {
    return false
  }
  if (candidate.protocol !== entry.protocol || candidate.host !== entry.host) return false
  // Custom schemes and file: have no web origin ("null"), so the page itself is compared.
  if (entry.protocol === 'file:' || entry.origin === 'null') return candidate.pathname === entry.pathname
  return candidate.origin === entry.origin
}

/**
 * True for a download the page made itself: a `blob:` URL of the app's own page (the team view's CSV
 * export). Anything else a page might try to download is refused.
 */
export function isAppDownloadUrl(url: string, appEntryUrl: string): boolean {
  if (!url.startsWith('blob:')) return false
  let inner: URL
  let entry: URL
  try {
    inner = new URL(url.slice('blob:'.length))
    entry = new URL(appEntryUrl)
  } catch {
    return false
  }
  // file: pages have an opaque origin ("blob:null/…"): no way to tell them from any other page.
  return entry.protocol !== 'file:' && inner.protocol === entry.protocol && inner.host === entry.host
}

/** Links the app may hand to the system browser (API credential pages and the sources' sites). */
const EXTERNAL_HOSTS = new Set(['develop.battle.net', 'www.warcraftlogs.com', 'raider.io', 'worldofwarcraft.blizzard.com'])

/** True for https links to the allow-listed hosts; everything else is dropped. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && EXTERNAL_HOSTS.has(parsed.hostname)
  } catch {
    return false
  }
}
