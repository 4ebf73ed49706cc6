import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'
import { fs } from '../../fs.ts'
import type { SavedFileRequest, SavedFileResult } from './read-saved-file.ts'

/** A worker that has not answered in this long is stopped: its files are reported, nothing waits on them. */
const WORKER_TIMEOUT_MS = 60_000
/** Heap for one read: a 64 MB file's syntax tree fits; more stops the worker, not the app. */
const WORKER_HEAP_MB = 1536

/**
 * Reads the saved files in a worker thread, one worker per batch (it exits after, handing its memory
 * back). A worker that fails, runs out of memory or takes too long makes every file of the batch
 * "could not be read", with the reason; it never throws and never blocks the caller's thread.
 */
export function readSavedFilesInWorker(files: readonly SavedFileRequest[], timeoutMs = WORKER_TIMEOUT_MS): Promise<SavedFileResult[]> {
  if (files.length === 0) return Promise.resolve([])
  return new Promise((resolve) => {
    const failAll = (problem: string) => files.map((f): SavedFileResult => ({ ok: false, addon: f.addon, path: f.path, problem, retry: false }))
    let settled = false
    const settle = (results: SavedFileResult[]) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(results)
    }
    const worker = new Worker(workerFile(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, stackSizeMb: 4 } })
    const timer = setTimeout(() => settle(failAll(`took longer than ${Math.round(timeoutMs / 1000)} s to read, so it was not used`)), timeoutMs)
    worker.once('message', (results: SavedFileResult[]) => settle(results))
    worker.once('error', (error: Error & { code?: string }) =>
      settle(failAll(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'needs more memory to read than this app allows, so it was not used' : `could not be read (${error.message.slice(0, 120)})`)),
    )
    worker.once('exit', () => settle(failAll('could not be read (the reader stopped)')))
    worker.postMessage(files)
  })
}

/**
 * The worker's script: beside this module when run from source, and next to the bundles after a build
 * (electron.vite.config.ts names it `saved-variables-worker`; this module may sit in a chunks folder).
 */
function workerFile(): string {
  if (import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('./saved-variables-worker.ts', import.meta.url))
  const candidates = ['./saved-variables-worker.js', '../saved-variables-worker.js'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  return candidates.find((path) => fs.existsSync(path)) ?? (candidates[0] as string)
}
