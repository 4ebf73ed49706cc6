import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, win32 } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locateRetailFolder, usualWowFolders } from '../../main/game/wow-folder.ts'
import { charactersOnThisPc } from '../../main/game/wtf-characters.ts'
import { createIpcHandlers } from '../../main/ipc-handlers.ts'
import { DEFAULT_BOARD_PREFERENCES } from '../../shared/domain/board.ts'
import { MemorySecrets } from '../fakes/memory-secrets.ts'
import { cliRunner } from '../support/cli-runner.ts'
import { useCoreHarness } from '../support/core-harness.ts'
import { useTempDir } from '../support/temp-dir.ts'

/** A game folder as the game leaves it: accounts, realms by display name, a folder per character. */
function gameFolder(root: string, config?: string): string {
  const account = join(root, 'World of Warcraft', '_retail_', 'WTF', 'Account', '12345678#1')
  for (const [realm, name] of [['Area 52', 'Thrall'], ['Area 52', 'Jaina'], ["Mal'Ganis", 'Sylvanas']] as const) mkdirSync(join(account, realm, name, 'SavedVariables'), { recursive: true })
  mkdirSync(join(account, 'SavedVariables'), { recursive: true })
  writeFileSync(join(account, 'SavedVariables', 'AlterEgo.lua'), 'AlterEgoDB = {}\n')
  // The same character under a second account on the PC: listed once.
  mkdirSync(join(root, 'World of Warcraft', '_retail_', 'WTF', 'Account', 'WOW2', 'Area 52', 'Thrall'), { recursive: true })
  writeFileSync(join(account, 'bindings-cache.wtf'), '')
  if (config !== undefined) writeFileSync(join(root, 'World of Warcraft', '_retail_', 'WTF', 'Config.wtf'), config)
  return join(root, 'World of Warcraft')
}

describe('finding the game', () => {
  const folders = (platform: NodeJS.Platform) => usualWowFolders(platform)

  it('looks in the usual folders of Windows and macOS, and names none on Linux', () => {
    expect(folders('win32')).toContain('C:\\Program Files (x86)\\World of Warcraft')
    expect(folders('win32')).toContain('D:\\World of Warcraft')
    expect(folders('darwin')).toEqual(['/Applications/World of Warcraft'])
    expect(folders('linux')).toEqual([])
    const found = locateRetailFolder({ env: {}, platform: 'win32', isDirectory: (p) => p === 'D:\\Games\\World of Warcraft\\_retail_' })
    expect(found).toEqual({ ok: true, retail: 'D:\\Games\\World of Warcraft\\_retail_', from: 'usual place' })
  })

  it('takes the folder the player names (the game folder or _retail_ itself), before the environment and the usual places', () => {
    const isDirectory = (p: string) => ['E:\\WoW\\_retail_', 'F:\\Other\\_retail_', 'C:\\Program Files (x86)\\World of Warcraft\\_retail_'].includes(p)
    expect(locateRetailFolder({ given: 'E:\\WoW', env: { VAULT_WOW_DIR: 'F:\\Other' }, platform: 'win32', isDirectory })).toEqual({ ok: true, retail: 'E:\\WoW\\_retail_', from: 'option' })
    expect(locateRetailFolder({ given: 'E:\\WoW\\_retail_', env: {}, platform: 'win32', isDirectory })).toEqual({ ok: true, retail: win32.resolve('E:\\WoW\\_retail_'), from: 'option' })
    expect(locateRetailFolder({ env: { VAULT_WOW_DIR: 'F:\\Other' }, platform: 'win32', isDirectory })).toMatchObject({ ok: true, from: 'environment' })
    // A named folder without the game is said, not silently replaced by a usual place.
    expect(locateRetailFolder({ given: 'E:\\Nothing', env: {}, platform: 'win32', isDirectory })).toMatchObject({ ok: false, message: expect.stringContaining('--wow-dir names E:\\Nothing, which holds no _retail_ folder') })
    expect(locateRetailFolder({ env: {}, platform: 'linux', isDirectory: () => false })).toMatchObject({ ok: false, message: expect.stringContaining('Wine, Lutris or Steam') })
  })
})

describe('the characters played on this PC', () => {
  const tempDir = useTempDir()

  it('one per character folder, realm by display name; SavedVariables, files and links are not characters', () => {
    const root = tempDir()
    const game = gameFolder(root, 'SET textLocale "enUS"\nSET portal "eu"\n')
    if (process.platform !== 'win32') symlinkSync(join(root), join(game, '_retail_', 'WTF', 'Account', '12345678#1', 'Area 52', 'Linked'))
    const found = charactersOnThisPc(join(game, '_retail_'))
    expect(found.characters.map((c) => `${c.account}/${c.realmName}/${c.name}`)).toEqual(['12345678#1/Area 52/Jaina', '12345678#1/Area 52/Thrall', "12345678#1/Mal'Ganis/Sylvanas", 'WOW2/Area 52/Thrall'])
    expect(found).toMatchObject({ region: 'eu', regionFrom: 'portal', problems: [] })
  })

  it('the region from the realm list when there is no portal, and none when the configuration names none', () => {
    const root = tempDir()
    const retail = join(gameFolder(root, 'SET realmList "us.logon.worldofwarcraft.com"\n'), '_retail_')
    expect(charactersOnThisPc(retail)).toMatchObject({ region: 'us', regionFrom: 'realmList' })
    writeFileSync(join(retail, 'WTF', 'Config.wtf'), 'SET portal "public-test"\n')
    expect(charactersOnThisPc(retail)).toMatchObject({ region: null, regionFrom: null })
  })

  it('a game never logged in: no characters, and says why', () => {
    const root = tempDir()
    mkdirSync(join(root, '_retail_'))
    expect(charactersOnThisPc(join(root, '_retail_'))).toMatchObject({ characters: [], region: null, problems: [expect.stringContaining('no WTF/Account folder')] })
  })
})

describe('import pc', () => {
  const h = useCoreHarness('2026-11-26T12:00:00.000Z')
  const run = cliRunner(h)
  const tempDir = useTempDir()

  it('tracks the characters played on this PC, in the region the game names, with no network', async () => {
    const game = gameFolder(tempDir(), 'SET portal "us"\n')
    const result = await run(['import', 'pc', '--wow-dir', game, '--yes', '--json'])
    expect(result.code).toBe(0)
    const json = result.json() as { source: string; candidates: { realm: string; realmName: string; name: string }[]; tracked: { region: string; realm: string; name: string }[]; notes: string[] }
    expect(json.source).toBe('game')
    expect(json.tracked).toEqual([
      { region: 'us', realm: 'area-52', name: 'Jaina' },
      { region: 'us', realm: 'area-52', name: 'Thrall' },
      { region: 'us', realm: 'malganis', name: 'Sylvanas' },
    ])
    expect(json.notes).toContain("Region US, as the game's configuration names it (portal).")
    expect(h.apis.blizzard.server.requests).toHaveLength(0)
    expect(h.apis.raiderio.server.requests).toHaveLength(0)
  })

  it('asks for the region when the game does not say it, and says when the folder holds no game', async () => {
    const game = gameFolder(tempDir())
    const noRegion = await run(['import', 'pc', '--wow-dir', game, '--yes'])
    expect(noRegion.code).toBe(2)
    expect(noRegion.stderr).toContain('names no region')
    const eu = await run(['import', 'pc', '--wow-dir', game, '--region', 'eu', '--yes'])
    expect(eu.code).toBe(0)
    expect(eu.stdout).toContain('Characters played on this PC (EU): 3 characters')
    const missing = await run(['import', 'pc', '--wow-dir', join(tempDir(), 'nowhere')])
    expect(missing.code).toBe(3)
    expect(missing.stderr).toContain('holds no _retail_ folder')
    expect((await run(['import', 'account', '--wow-dir', game])).code).toBe(2)
  })

  it('Settings looks at the game when it is read and when its folder changes, not on every stored preference', async () => {
    const game = gameFolder(tempDir(), 'SET portal "us"\n')
    const ipc = createIpcHandlers({ appVersion: '0.1.0', core: h.core(), secrets: new MemorySecrets(), env: h.apis.env })
    const characters = (r: unknown) => (r as { value: { game: { characters: number | null } } }).value.game.characters
    expect(characters(await ipc['settings:update']([{ wowDir: game }]))).toBe(4)
    mkdirSync(join(game, '_retail_', 'WTF', 'Account', 'WOW2', 'Area 52', 'Velen'), { recursive: true })
    // The board stores its sort through settings:update: that does not walk the game's folders again.
    expect(characters(await ipc['settings:update']([{ board: { ...DEFAULT_BOARD_PREFERENCES, sort: 'name' } }]))).toBe(4)
    expect(characters(await ipc['settings:get']([]))).toBe(5)
  })
})
