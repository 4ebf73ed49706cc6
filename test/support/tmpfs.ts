import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A tiny RAM disk for full-disk and read-only tests, or why this machine cannot give one. */
export type Tmpfs = { ok: true; path: string; readOnly(): void; unmount(): void } | { ok: false; reason: string }

/**
 * Mounts a tmpfs of `sizeKb` (root only: CI and these machines run as root). Elsewhere the caller
 * skips its test with the reason, as the project's tests do for anything the machine cannot offer.
 */
export function mountTmpfs(sizeKb: number): Tmpfs {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { ok: false, reason: 'mounting a tmpfs needs root on Linux' }
  const path = mkdtempSync(join(tmpdir(), 'vault-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', path], { stdio: 'pipe' })
  } catch (error) {
    rmSync(path, { recursive: true, force: true })
    return { ok: false, reason: `this machine refused to mount a tmpfs (${String((error as Error).message).split('\n')[0]})` }
  }
  return {
    ok: true,
    path,
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', path], { stdio: 'pipe' }),
    unmount: () => {
      execFileSync('umount', [path], { stdio: 'pipe' })
      rmSync(path, { recursive: true, force: true })
    },
  }
}

/** Why no tmpfs can be mounted here (tried once, then unmounted), or undefined when one can. */
export function tmpfsUnavailable(): string | undefined {
  const probe = mountTmpfs(64)
  if (!probe.ok) return probe.reason
  probe.unmount()
  return undefined
}
