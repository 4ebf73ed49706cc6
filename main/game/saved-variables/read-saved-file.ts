import type { GameAddon, GameCharacterSave } from '../../../shared/domain/game-save.ts'
import { readRegularBytes } from '../../regular-file.ts'
import { alterEgo } from './addons/alter-ego.ts'
import { savedInstances } from './addons/saved-instances.ts'
import type { AddonReader } from './addons/vault-types.ts'
import { wowthing } from './addons/wowthing.ts'
import { parseLuaData } from './lua-data.ts'

/** The addons whose saved files hold the vault (game-rules §13). */
export const ADDON_READERS: readonly AddonReader[] = [alterEgo, savedInstances, wowthing]

/**
 * Larger than any of these addons' files should get (WoWthing's, the largest, holds a whole account's
 * collections: a few MB); a larger file is refused unread, so a 100 MB or endless file costs nothing.
 */
export const MAX_SAVED_FILE_BYTES = 64 * 1024 * 1024

export interface SavedFileRequest {
  addon: GameAddon
  path: string
}

/** One file's outcome: the characters it holds, or why it was refused (the other files and sources go on). */
export type SavedFileResult =
  | { ok: true; addon: GameAddon; path: string; modifiedAt: number; characters: GameCharacterSave[] }
  | { ok: false; addon: GameAddon; path: string; problem: string; retry: boolean }

/** Reads, parses and extracts one file: the whole job the worker does (also called directly by tests and the benchmark). */
export function readSavedFile({ addon, path }: SavedFileRequest): SavedFileResult {
  const reader = ADDON_READERS.find((r) => r.addon === addon)
  if (!reader) return { ok: false, addon, path, problem: 'is not a file this app reads', retry: false }
  const read = readRegularBytes(path, MAX_SAVED_FILE_BYTES)
  if (!read.ok) {
    const problem = {
      'not-a-file': 'is not a plain file (a link, a folder or a device), so it was not read',
      'too-large': `is larger than ${MAX_SAVED_FILE_BYTES / 1024 / 1024} MB, so it was not read`,
      unreadable: `could not be read (${read.code ?? 'error'})`,
      changed: 'changed while it was read (the game was saving it); it is read again shortly',
    }[read.problem]
    return { ok: false, addon, path, problem, retry: read.problem === 'changed' }
  }
  const parsed = parseLuaData(read.bytes)
  if (!parsed.ok) return { ok: false, addon, path, problem: parsed.problem, retry: false }
  return { ok: true, addon, path, modifiedAt: read.modifiedAt, characters: reader.read(parsed.globals) }
}
