import { checkTrackedQuest, MAX_TRACKED_QUESTS, QUEST_STATE_LABELS } from '../../shared/domain/weekly-quests.ts'
import { characterOverview } from '../desktop/vault-views.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { listTrackedQuests, trackQuest, untrackQuest } from '../store/quest-checks-repo.ts'
import { EXIT, print, summary, usage, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'

/**
 * The tracked weekly quests on the command line: `quests` shows each character's state this week
 * (from the store: the sync reads Blizzard's completed quests), `quests add ID NAME` and
 * `quests remove ID` change the list every character is checked against.
 */
export function quests(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  const [action, ...rest] = args
  if (action === undefined) return showQuests(options, io)
  if (action === 'add') return addQuest(rest, options, io)
  if (action === 'remove') return removeQuest(rest, options, io)
  return usage(io, `"quests" takes add <id> <name>, remove <id>, or nothing; got "${action}".`)
}

function showQuests(options: CliOptions, io: CliIo): Promise<number> {
  return withLocalCore(options, io, 'read', async (core) => {
    const tracked = listTrackedQuests(core.store.db)
    const characters = tracked.length === 0 ? [] : listCharacters(core.store.db).map((c) => ({ ...summary(c), quests: characterOverview(core, c).quests }))
    const human =
      tracked.length === 0
        ? 'No weekly quests tracked. Add one: quests add <quest id> <name> (the id is in the quest\'s Wowhead address).\n'
        : [
            `Tracked: ${tracked.map((q) => `${q.id} ${q.name}`).join(' · ')}`,
            ...characters.map((c) => `${`${c.name} (${c.region}/${c.realm})`.padEnd(32)} ${c.quests.map((q) => `${q.name}: ${QUEST_STATE_LABELS[q.state]}`).join(' · ')}`),
            'As of each character\'s last logout (Blizzard updates completed quests then); the next sync reads newly added quests.',
          ].join('\n') + '\n'
    print(io, options, { quests: tracked, characters }, human)
    return EXIT.ok
  })
}

function addQuest(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  const [idText, ...nameWords] = args
  if (idText === undefined || nameWords.length === 0) return usage(io, 'quests add takes a quest id and a name, for example: quests add 93890 "Unity Against the Void"')
  if (!/^\d{1,9}$/.test(idText)) return usage(io, `A quest id is a whole number (Wowhead shows it in the quest's address), got "${idText}".`)
  const checked = checkTrackedQuest(Number(idText), nameWords.join(' '))
  if (!checked.ok) return usage(io, checked.message)
  return withLocalCore(options, io, 'write', async (core) => {
    if (!trackQuest(core.store.db, checked.quest, core.now())) {
      io.stderr(`The board tracks at most ${MAX_TRACKED_QUESTS} quests: remove one first.\n`)
      return EXIT.usage
    }
    print(io, options, { quests: listTrackedQuests(core.store.db) }, `Tracking quest ${checked.quest.id} "${checked.quest.name}" for every character; the next sync reads it.\n`)
    return EXIT.ok
  })
}

function removeQuest(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  const [idText, ...extra] = args
  if (idText === undefined || extra.length > 0 || !/^\d{1,9}$/.test(idText)) return usage(io, 'quests remove takes one quest id, for example: quests remove 93890')
  return withLocalCore(options, io, 'write', async (core) => {
    if (!untrackQuest(core.store.db, Number(idText), core.now())) {
      io.stderr(`Quest ${idText} is not tracked.\n`)
      return EXIT.notFound
    }
    print(io, options, { quests: listTrackedQuests(core.store.db) }, `Stopped tracking quest ${idText}.\n`)
    return EXIT.ok
  })
}
