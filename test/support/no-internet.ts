/**
 * Vitest setup: every fetch to a host other than loopback fails at once, so no test can reach the
 * internet by accident (a default URL left in a config, say).
 */
const realFetch = globalThis.fetch
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  if (!LOOPBACK.has(url.hostname)) return Promise.reject(new TypeError(`Tests may not reach the internet (${url.host}).`))
  return realFetch(input, init)
}) as typeof fetch
