import { crestsView, type CrestsView } from '../../shared/domain/crests.ts'
import type { WeekWindow } from '../../shared/domain/reset.ts'
import type { SeasonVaultTable } from '../../shared/domain/seasons.ts'
import { questStatus, type QuestStatus, type TrackedQuest } from '../../shared/domain/weekly-quests.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import { crestReadingsBefore } from '../store/crests-repo.ts'
import type { Db } from '../store/db.ts'
import { listQuestChecks, listTrackedQuests } from '../store/quest-checks-repo.ts'

/** What the weekly board shows of a character's week beyond the vault: crests and the tracked quests. */
export interface WeekBoard {
  crests: CrestsView
  quests: QuestStatus[]
}

/**
 * A week's board from the store: the week's season table names the crest statistics. Only the views
 * that show it ask (this week's overview, a vault report, a sync result), not every week a vault is built for.
 */
export function characterWeekBoard(db: Db, character: Pick<TrackedCharacter, 'id'>, week: Pick<WeekWindow, 'period' | 'start' | 'end'>, table: SeasonVaultTable | undefined): WeekBoard {
  return weekBoard(db, character.id, week, table, listTrackedQuests(db))
}

/** The same with the tracked quests given. */
export function weekBoard(db: Db, characterId: number, week: Pick<WeekWindow, 'period' | 'start' | 'end'>, table: SeasonVaultTable | undefined, tracked: readonly TrackedQuest[]): WeekBoard {
  const kinds = table?.crests?.kinds
  const readings = kinds ? crestReadingsBefore(db, characterId, kinds.map((k) => k.statisticId), week.end) : []
  const checks = tracked.length > 0 ? listQuestChecks(db, characterId, week.start) : new Map()
  return {
    crests: crestsView(kinds, table?.crests?.note, readings, week),
    quests: tracked.map((quest) => questStatus(quest, checks.get(quest.id), week.start)),
  }
}
