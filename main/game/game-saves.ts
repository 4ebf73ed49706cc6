import { join } from 'node:path'
import * as z from 'zod/mini'
import { GAME_ADDONS, type GameCharacterSave } from '../../shared/domain/game-save.ts'
import type { GameSavesView } from '../../shared/ipc-api.ts'
import { asciiRealmSlug, characterNameKey, realmSlug } from '../../shared/domain/realm.ts'
import type { Region } from '../../shared/domain/types.ts'
import { fs } from '../fs.ts'
import type { LocalCore } from '../local-core.ts'
import { listCharacters, type TrackedCharacter } from '../store/characters-repo.ts'
import { recordGameSave } from '../store/game-saves-repo.ts'
import { getSetting, setSetting } from '../store/settings-repo.ts'
import { ADDON_READERS, type SavedFileRequest, type SavedFileResult } from './saved-variables/read-saved-file.ts'
import { readSavedFilesInWorker } from './saved-variables/read-in-worker.ts'
import { findGame } from './game-report.ts'
import type { PcCharacter, PcCharacters } from './wtf-characters.ts'

/**
 * The fourth source: the vault as the game itself showed it, from the saved files of addons the
 * player already runs (game-rules §13). Reads every account's files in a worker, matches each saved
 * character to a tracked one (name and realm; WoWthing's realm-less characters through a GUID another
 * addon names, or the account's character folders), and keeps each match as that week's evidence.
 * Read only: nothing is written into the game's folder, nothing leaves the machine.
 */

/** What a read found, as `status` and Settings list it (the contract's GameSavesView without the disagreements, which game-status.ts derives). */
export type GameReadReport = Omit<GameSavesView, 'disagreements'>
type GameFileReport = GameReadReport['files'][number]

const GAME_READ_KEY = 'game.read'
const MAX_UNMATCHED_LISTED = 20

const reportSchema = z.object({
  readAt: z.number(),
  files: z.array(
    z.object({ addon: z.enum(GAME_ADDONS), account: z.string(), path: z.string(), says: z.string(), modifiedAt: z.nullable(z.number()), characters: z.number(), matched: z.number(), problem: z.nullable(z.string()) }),
  ),
  unmatched: z.array(z.object({ addon: z.enum(GAME_ADDONS), name: z.string(), why: z.string() })),
})

/** The last read's report (null: never read). */
export function lastGameRead(core: Pick<LocalCore, 'store'>): GameReadReport | null {
  return getSetting(core.store.db, GAME_READ_KEY, z.nullable(reportSchema), null)
}

/** The addon files present in each account's SavedVariables folder (plain files only; links are refused when read). */
function savedFilesOf(retail: string, accounts: readonly string[]): (SavedFileRequest & { account: string })[] {
  return accounts.flatMap((account) =>
    ADDON_READERS.flatMap((reader) => {
      const path = join(retail, 'WTF', 'Account', account, 'SavedVariables', reader.fileName)
      try {
        fs.lstatSync(path)
        return [{ addon: reader.addon, path, account }]
      } catch {
        return []
      }
    }),
  )
}

export interface GameReadInput {
  retail: string
  /** The game's folders as wtf-characters.ts read them: the accounts, the realms of WoWthing's characters, the region. */
  found: Pick<PcCharacters, 'characters' | 'accounts' | 'region'>
}

/** What a read found: the report, the tracked characters it brought saves for (their views change), and whether a file should be read again shortly (the game was writing it). */
export interface GameRead {
  report: GameReadReport
  characterIds: number[]
  readAgainSoon: boolean
}

/** Reads the files, stores what matches tracked characters (one transaction) and the report; never throws for a bad file. */
export async function readGameSaves(core: Pick<LocalCore, 'store' | 'season' | 'now'>, input: GameReadInput, read = readSavedFilesInWorker): Promise<GameRead> {
  const { characters: pcCharacters, accounts, region } = input.found
  const files = savedFilesOf(input.retail, accounts)
  const results = await read(files.map(({ addon, path }) => ({ addon, path })))
  const tracked = listCharacters(core.store.db)
  const realmsByGuid = guidRealms(results)
  const readAt = core.now()
  const unmatched: GameReadReport['unmatched'] = []
  const reports: GameFileReport[] = []
  const matches: { character: TrackedCharacter; save: GameCharacterSave }[] = []
  results.forEach((result, i) => {
    const file = files[i] as (typeof files)[number]
    const says = ADDON_READERS.find((r) => r.addon === file.addon)?.says ?? ''
    if (!result.ok) {
      reports.push({ addon: file.addon, account: file.account, path: file.path, says, modifiedAt: null, characters: 0, matched: 0, problem: result.problem })
      return
    }
    let matched = 0
    for (const save of result.characters) {
      const realmName = save.realmName ?? (save.guid ? realmsByGuid.get(save.guid) : undefined) ?? folderRealm(pcCharacters, file.account, save.name)
      if (realmName === null || realmName === undefined) {
        const why = realmName === null ? `played on more than one realm of account ${file.account}, and the file names no realm` : `the file names no realm, and account ${file.account} has no character folder of that name`
        unmatched.push({ addon: save.addon, name: save.name, why })
        continue
      }
      const character = trackedMatch(tracked, save.name, realmName, region)
      if (character) {
        matched++
        matches.push({ character, save })
      }
    }
    reports.push({ addon: file.addon, account: file.account, path: file.path, says, modifiedAt: result.modifiedAt, characters: result.characters.length, matched, problem: null })
  })
  const report: GameReadReport = { readAt, files: reports, unmatched: unmatched.slice(0, MAX_UNMATCHED_LISTED) }
  core.store.transaction((tx) => {
    for (const { character, save } of matches) {
      const week = core.season.weekAt(character.region, save.savedAt)
      recordGameSave(tx, character.id, { addon: save.addon, savedAt: save.savedAt, slots: save.slots, rewardsWaiting: save.rewardsWaiting }, week.start, readAt)
    }
    setSetting(tx, GAME_READ_KEY, report, readAt)
  })
  return { report, characterIds: [...new Set(matches.map((m) => m.character.id))], readAgainSoon: results.some((r) => !r.ok && r.retry) }
}

/**
 * Finds the game (game-report.ts) and reads its addons' files: what the CLI's `sync` and the app do
 * before each sync and when a file changes. No game found: nothing read, the last report stays.
 */
export async function refreshGameSaves(core: Pick<LocalCore, 'store' | 'season' | 'now'>, given: string | undefined, env: Readonly<Record<string, string | undefined>>, givenIn?: string): Promise<(GameRead & { retail: string; accounts: string[] }) | null> {
  const game = findGame(given, env, givenIn)
  if (!game.ok) return null
  const read = await readGameSaves(core, { retail: game.retail, found: game.found })
  return { ...read, retail: game.retail, accounts: game.found.accounts }
}

/** GUID → realm name from the files that save both (AlterEgo), for the ones that save only the GUID. */
function guidRealms(results: readonly SavedFileResult[]): Map<string, string> {
  const byGuid = new Map<string, string>()
  for (const result of results) if (result.ok) for (const save of result.characters) if (save.guid && save.realmName) byGuid.set(save.guid, save.realmName)
  return byGuid
}

/** The realm of the account's only character folder with this name; null when several realms have one; undefined when none. */
function folderRealm(pcCharacters: readonly PcCharacter[], account: string, name: string): string | null | undefined {
  const realms = new Set(pcCharacters.filter((c) => c.account === account && characterNameKey(c.name) === characterNameKey(name)).map((c) => c.realmName))
  return realms.size > 1 ? null : [...realms][0]
}

/** The tracked character with this name and realm (in the game's region when it is known); none when two regions would fit. */
function trackedMatch(tracked: readonly TrackedCharacter[], name: string, realmName: string, region: Region | null): TrackedCharacter | undefined {
  const slug = realmSlug(realmName)
  if (!slug.ok) return undefined
  const realmKey = asciiRealmSlug(slug.value)
  const nameKey = characterNameKey(name)
  const fits = tracked.filter((c) => (region === null || c.region === region) && characterNameKey(c.name) === nameKey && asciiRealmSlug(c.realm) === realmKey)
  return fits.length === 1 ? fits[0] : undefined
}
