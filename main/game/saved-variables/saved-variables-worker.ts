import { parentPort } from 'node:worker_threads'
import { readSavedFile, type SavedFileRequest } from './read-saved-file.ts'

/**
 * The worker that reads the addons' saved files (read-in-worker.ts starts it): parsing a 20 MB file
 * takes a second of CPU and a few hundred MB, none of which may block the window or the sync. It
 * answers with the few characters found, never with the parsed file.
 */
parentPort?.on('message', (files: SavedFileRequest[]) => {
  parentPort?.postMessage(files.map((file) => readSavedFile(file)))
})
