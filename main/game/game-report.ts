import type { GameSavesView, GameView } from '../../shared/ipc-api.ts'
import { locateRetailFolder, type WowFolderSource } from './wow-folder.ts'
import { charactersOnThisPc, type PcCharacters } from './wtf-characters.ts'

/** What the app knows of the game on this PC, for `status` and Settings: the contract's GameView (shared/ipc-api.ts). */
export type GameReport = GameView

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

export function gameReport(game: GameFound, saves: GameSavesView | null): GameReport {
  if (!game.ok) return { folder: null, from: null, characters: null, region: null, message: game.message, saves }
  return { folder: game.retail, from: game.from, characters: game.found.characters.length, region: game.found.region, message: game.found.problems[0] ?? null, saves }
}
