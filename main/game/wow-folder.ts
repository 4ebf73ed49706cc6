import { posix, win32 } from 'node:path'
import { fs } from '../fs.ts'

/**
 * Where the retail game lives on this PC (game-rules §13): the folder the player named (`--wow-dir`, or
 * VAULT_WOW_DIR), else the usual install folders of Windows and macOS. On Linux the game runs inside a
 * Wine, Lutris or Steam prefix with no usual place: the player names it. Read-only: nothing here writes.
 */

export type WowFolderSource = 'option' | 'environment' | 'usual place'

export type WowFolderResult =
  | { ok: true; retail: string; from: WowFolderSource }
  /** `message`: why, and what to do, in player words. */
  | { ok: false; message: string }

/**
 * Drives probed on Windows: C to G. A drive letter that is a disconnected network share can stall a
 * check for seconds, so not all 24; a game elsewhere is named with --wow-dir or in Settings.
 */
const WINDOWS_DRIVES = ['C', 'D', 'E', 'F', 'G']
const WINDOWS_FOLDERS = ['Program Files (x86)\\World of Warcraft', 'Program Files\\World of Warcraft', 'World of Warcraft', 'Games\\World of Warcraft']

/** The usual install folders (the folder that holds `_retail_`) for a platform. */
export function usualWowFolders(platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return WINDOWS_DRIVES.flatMap((drive) => WINDOWS_FOLDERS.map((folder) => win32.join(`${drive}:\\`, folder)))
  if (platform === 'darwin') return [posix.join('/Applications', 'World of Warcraft')]
  return []
}

export interface LocateOptions {
  /** `--wow-dir` (or the folder set in Settings): the folder that holds `_retail_`, or `_retail_` itself. */
  given?: string
  /** Where `given` was named, for the messages: `--wow-dir` unless said (the app says 'Settings'). */
  givenIn?: string
  env: Readonly<Record<string, string | undefined>>
  platform: NodeJS.Platform
  /** Injected in tests. A link to a folder counts: the player may keep the game elsewhere. */
  isDirectory?: (path: string) => boolean
}

export function locateRetailFolder(options: LocateOptions): WowFolderResult {
  const isDirectory = options.isDirectory ?? isFolder
  const path = options.platform === 'win32' ? win32 : posix
  const retailIn = (folder: string) => (path.basename(path.resolve(folder)) === '_retail_' ? path.resolve(folder) : path.join(folder, '_retail_'))
  const named: [string | undefined, WowFolderSource, string][] = [
    [options.given, 'option', '--wow-dir'],
    [options.env.VAULT_WOW_DIR, 'environment', 'VAULT_WOW_DIR'],
  ]
  for (const [folder, from, what] of named) {
    if (folder === undefined || folder.trim() === '') continue
    const retail = retailIn(folder.trim())
    if (isDirectory(retail)) return { ok: true, retail, from }
    const subject = from === 'option' && options.givenIn !== undefined ? `The folder set in ${options.givenIn}, ${folder.trim()},` : `${what} names ${folder.trim()}, which`
    return { ok: false, message: `${subject} holds no _retail_ folder: name the World of Warcraft folder (the one with _retail_ in it) or _retail_ itself.` }
  }
  const usual = usualWowFolders(options.platform)
  for (const folder of usual) {
    const retail = path.join(folder, '_retail_')
    if (isDirectory(retail)) return { ok: true, retail, from: 'usual place' }
  }
  return {
    ok: false,
    message:
      usual.length === 0
        ? 'World of Warcraft has no usual place on this system (it runs in a Wine, Lutris or Steam prefix): name its folder in Settings, or with --wow-dir or VAULT_WOW_DIR.'
        : 'World of Warcraft was not found in its usual folders: name its folder in Settings, or with --wow-dir or VAULT_WOW_DIR.',
  }
}

function isFolder(path: string): boolean {
  try {
    return fs.statSync(path).isDirectory()
  } catch {
    return false
  }
}
