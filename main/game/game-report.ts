import type { Region } from '../../shared/domain/types.ts'
import { locateRetailFolder, type WowFolderSource } from './wow-folder.ts'
import { charactersOnThisPc } from './wtf-characters.ts'

/** What the app knows of the game on this PC, for `status` and Settings. */
export interface GameReport {
  /** The `_retail_` folder, or null when none was found (`message` says why and what to do). */
  folder: string | null
  from: WowFolderSource | null
  /** Character folders in it (each character ever played on this PC). */
  characters: number | null
  /** The region the game's configuration names (null: none). */
  region: Region | null
  /** Why it was not found, or the first thing that could not be read; null: nothing to say. */
  message: string | null
}

/** `givenIn`: where `given` was named, for the messages ('Settings' in the app; `--wow-dir` otherwise). */
export function gameReport(given: string | undefined, env: Readonly<Record<string, string | undefined>>, givenIn?: string): GameReport {
  const folder = locateRetailFolder({ given, givenIn, env, platform: process.platform })
  if (!folder.ok) return { folder: null, from: null, characters: null, region: null, message: folder.message }
  const found = charactersOnThisPc(folder.retail)
  return { folder: folder.retail, from: folder.from, characters: found.characters.length, region: found.region, message: found.problems[0] ?? null }
}
