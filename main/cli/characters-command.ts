import { formatCharacterRef } from '../../shared/domain/realm.ts'
import { addCharacter, findCharacter, listCharacters, removeCharacter } from '../store/characters-repo.ts'
import { EXIT, oneCharacter, print, summary, tracked, usage, withCore, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/** The characters domain on the command line: track, untrack, list. */

export async function track(args: string[], options: CliOptions, io: CliIo): Promise<number> {
  const ref = oneCharacter(args, 'track', io)
  if (typeof ref === 'number') return ref
  return withCore(options, io, async (core) => {
    const existing = findCharacter(core.store.db, ref)
    if (existing) {
      print(io, options, { character: summary(existing), created: false }, `Already tracking ${formatCharacterRef(existing)}.\n`)
      return EXIT.ok
    }
    const { validateCharacter } = await import('../sync/validate-character.ts')
    const checked = await validateCharacter(core.clients, ref)
    if (!checked.ok) {
      io.stderr(`${checked.error.message}\n`)
      return checked.error.code === 'UNKNOWN_CHARACTER' ? EXIT.notFound : EXIT.failed
    }
    const { character } = addCharacter(core.store.db, checked.value, core.now())
    print(io, options, { character: summary(character), created: true }, `Now tracking ${formatCharacterRef(character)}. Run "sync" to fill its vault.\n`)
    return EXIT.ok
  })
}

export function untrack(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  const ref = oneCharacter(args, 'untrack', io)
  if (typeof ref === 'number') return ref
  return withLocalCore(options, io, 'write', async (core) => {
    const character = tracked(core, ref, io)
    if (!character) return EXIT.notFound
    removeCharacter(core.store.db, character.id)
    print(io, options, { character: summary(character), removed: true }, `Stopped tracking ${formatCharacterRef(character)}.\n`)
    return EXIT.ok
  })
}

export function list(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  if (args.length > 0) return usage(io, `"list" takes no arguments, got: ${args.join(' ')}`)
  return withLocalCore(options, io, 'read', async (core) => {
    // With what the last syncs learned of each (null until a source gave it).
    const characters = listCharacters(core.store.db).map((c) => ({ ...summary(c), itemLevel: c.itemLevel, mythicRating: c.mythicRating }))
    const human = characters.length === 0 ? 'No characters tracked yet.\n' : characters.map((c) => `${c.region}/${c.realm}/${c.name}`).join('\n') + '\n'
    print(io, options, { characters }, human)
    return EXIT.ok
  })
}
