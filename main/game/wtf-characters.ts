import { join } from 'node:path'
import { REGIONS, type Region } from '../../shared/domain/types.ts'
import { fs } from '../fs.ts'
import { readRegularFile } from '../regular-file.ts'

/**
 * The characters ever played on this PC, from the game's own folders: `WTF/Account/<ACCOUNT>/<Realm>/
 * <Character>/` exists for each (game-rules §13). The realm is its display name ("Area 52"), and the
 * folders say nothing of the region: `WTF/Config.wtf` may (its `portal`, or the region in `realmList`),
 * otherwise the player says it. Only real folders are walked (no links), with bounds on how many, so a
 * strange or hostile folder cannot make this run long. Nothing is written.
 */

export interface PcCharacter {
  /** The account folder's name (the game's, e.g. "12345678#1" or "WOW1"). */
  account: string
  realmName: string
  name: string
}

export interface PcCharacters {
  characters: PcCharacter[]
  /** Every account folder, those with no character folder yet included (their SavedVariables may still hold files). */
  accounts: string[]
  /** The region the game's configuration names, or null when it names none this app knows. */
  region: Region | null
  /** Which line of Config.wtf named the region, for the notes. */
  regionFrom: 'portal' | 'realmList' | null
  /** What could not be read, in player words (a folder that is not one, too many entries). */
  problems: string[]
}

const MAX_ACCOUNTS = 50
const MAX_REALMS_PER_ACCOUNT = 300
const MAX_CHARACTERS_PER_REALM = 100
const CONFIG_MAX_BYTES = 512 * 1024
/** Folders beside the realms in an account folder that are not realms. */
const NOT_REALMS = new Set(['SavedVariables'])

export function charactersOnThisPc(retail: string): PcCharacters {
  const problems: string[] = []
  const accountsFolder = join(retail, 'WTF', 'Account')
  const characters: PcCharacter[] = []
  const accounts = folders(accountsFolder, MAX_ACCOUNTS, problems)
  if (accounts === null) problems.push('The game has no WTF/Account folder yet: log in with a character once, then look again.')
  for (const account of accounts ?? []) {
    for (const realmName of folders(join(accountsFolder, account), MAX_REALMS_PER_ACCOUNT, problems) ?? []) {
      if (NOT_REALMS.has(realmName)) continue
      for (const name of folders(join(accountsFolder, account, realmName), MAX_CHARACTERS_PER_REALM, problems) ?? []) characters.push({ account, realmName, name })
    }
  }
  return { characters, accounts: accounts ?? [], ...regionFromConfig(join(retail, 'WTF', 'Config.wtf')), problems }
}

const readFolder = (folder: string) => fs.readdirSync(folder, { withFileTypes: true })

/** The names of the real folders in `folder` (links and files left out), at most `max`; null when it is not a folder. */
function folders(folder: string, max: number, problems: string[]): string[] | null {
  let entries: ReturnType<typeof readFolder>
  try {
    entries = readFolder(folder)
  } catch {
    return null
  }
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name)
  if (names.length > max) problems.push(`${folder} holds ${names.length} folders; only the first ${max} were read.`)
  return names.sort((a, b) => a.localeCompare(b)).slice(0, max)
}

/**
 * `SET portal "eu"` names the region; failing that, `SET realmList "eu.logon.battle.net"` begins with it.
 * Anything else (no file, no such line, a region this app does not know) is null: the player says it.
 */
export function regionFromConfig(path: string): Pick<PcCharacters, 'region' | 'regionFrom'> {
  const read = readRegularFile(path, CONFIG_MAX_BYTES)
  if (!read.ok) return { region: null, regionFrom: null }
  const setting = (name: string) => new RegExp(`^\\s*SET\\s+${name}\\s+"([^"]*)"`, 'im').exec(read.text)?.[1]?.trim().toLowerCase()
  const known = (value: string | undefined) => (REGIONS as readonly string[]).includes(value ?? '') ? (value as Region) : null
  const portal = known(setting('portal'))
  if (portal) return { region: portal, regionFrom: 'portal' }
  const realmList = known(setting('realmList')?.split('.')[0])
  return realmList ? { region: realmList, regionFrom: 'realmList' } : { region: null, regionFrom: null }
}
