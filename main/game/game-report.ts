import type { Region } from '../../shared/domain/types.ts'
import { locateRetailFolder, type WowFolderSource } from './wow-folder.ts'
import { charactersOnThisPc, type PcCharacters } from './wtf-characters.ts'
import type { GameSavesStatus } from './game-status.ts'

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
  /** The addons' saved files as last read (game-status.ts); null: never read. */
  saves: GameSavesStatus | null
}

export type GameFound = { ok: true; retail: string; from: WowFolderSource; found: PcCharacters } | { ok: false; message: string }

/**
 * The game's folder and the characters in it: the one lookup behind `status`, Settings and both
 * imports. `given` is the folder the player named; `givenIn` where ('Settings' in the app; `--wow-dir`
 * otherwise), for the messages.
 */
export function findGame(given: string | undefined, env: Readonly<Record<string, string | undefined>>, givenIn?: string): GameFound {
  const folder = locateRetailFolder({ given, givenIn, env, platform: process.platform })
  return folder.ok ? { ...folder, found: charactersOnThisPc(folder.retail) } : folder
}

export function gameReport(game: GameFound, saves: GameSavesStatus | null): GameReport {
  if (!game.ok) return { folder: null, from: null, characters: null, region: null, message: game.message, saves }
  return { folder: game.retail, from: game.from, characters: game.found.characters.length, region: game.found.region, message: game.found.problems[0] ?? null, saves }
}
