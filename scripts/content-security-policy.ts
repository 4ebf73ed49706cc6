import type { Plugin } from 'vite'

/**
 * The renderer's Content-Security-Policy. The built app keeps the strict one written in
 * renderer/index.html: only its own scripts and styles, no connections (the APIs are called from main).
 * `npm run dev` swaps in a development policy, because Vite injects styles inline, React Refresh adds
 * an inline script and hot reload talks over a WebSocket to the dev server; none of that ships.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export const DEV_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self' ws://localhost:* ws://127.0.0.1:*; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Replaces the strict policy in index.html with the development one; the dev server only. */
export function devCsp(html: string): string {
  if (!html.includes(STRICT_CSP)) throw new Error('renderer/index.html no longer carries STRICT_CSP: update scripts/content-security-policy.ts with it')
  return html.replace(STRICT_CSP, DEV_CSP)
}

export function developmentCspPlugin(): Plugin {
  return { name: 'development-csp', apply: 'serve', transformIndexHtml: devCsp }
}
