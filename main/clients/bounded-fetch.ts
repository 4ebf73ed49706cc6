/**
 * A fetch that only resolves once the whole body has arrived, so the caller's timeout covers headers
 * and body alike (a server that stalls after its headers can no longer hang a sync), and that stops
 * reading past a size cap. The cap counts decompressed bytes (fetch inflates gzip and brotli as it
 * streams), so a small compressed "bomb" cannot take gigabytes of memory. Redirects are refused: the
 * APIs never redirect, and following one would send our request (and token) to another host.
 */

/** The answer was larger than the cap; reading stopped there. */
export class BodyTooLargeError extends Error {
  readonly limitBytes: number
  constructor(limitBytes: number) {
    super(`The response was larger than ${formatBytes(limitBytes)}`)
    this.name = 'BodyTooLargeError'
    this.limitBytes = limitBytes
  }
}

/** Statuses whose responses may not carry a body. */
const NULL_BODY_STATUS = new Set([101, 204, 205, 304])

export function boundedFetch(base: typeof fetch, maxBodyBytes: number): typeof fetch {
  return async (input, init) => {
    const response = await base(input, { ...init, redirect: 'manual' })
    if (!response.body || NULL_BODY_STATUS.has(response.status)) return response
    const reader = response.body.getReader()
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      // Rejects when the caller's signal aborts (ky's per-attempt timeout, a run deadline).
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBodyBytes) {
        await reader.cancel().catch(() => undefined)
        throw new BodyTooLargeError(maxBodyBytes)
      }
      chunks.push(value)
    }
    const headers = new Headers(response.headers)
    // The body below is already decoded and complete.
    headers.delete('content-encoding')
    headers.delete('content-length')
    return new Response(Buffer.concat(chunks), { status: response.status, statusText: response.statusText, headers })
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`
}
