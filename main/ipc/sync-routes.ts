import { ok } from '../../shared/result.ts'
import { listCharacters } from '../store/characters-repo.ts'
import { outcomeFailed, settleSync } from '../sync/sync-result.ts'
import type { RouteKit, Routes } from './route-kit.ts'

/** Sync now: one character or all, through the scheduler when the app runs one. */
export function syncRoutes({ handle, context, trackedCharacter }: RouteKit): Routes<'sync:run' | 'sync:cancel'> {
  return {
    'sync:run': handle('sync:run', async ([input], core) => {
      const { characterId } = input
      if (characterId !== undefined) {
        const character = trackedCharacter(core, characterId)
        if (!character.ok) return character
      }
      const ids = characterId === undefined ? undefined : [characterId]
      const outcomes = context.scheduler
        ? await context.scheduler.runNow(ids)
        : await Promise.all(listCharacters(core.store.db).filter((c) => !ids || ids.includes(c.id)).map((c) => settleSync(c, core.sync.syncCharacter(c, { force: true }))))
      // A sync that threw counts as failed, with its reason: it never just vanishes from the count.
      const failures = outcomes.filter(outcomeFailed)
      const cancelled = outcomes.filter((o) => o.cancelled).length
      const reasons = outcomes.flatMap((o) => (o.ok || o.cancelled ? [] : [`${o.character.name}: ${o.message}`]))
      return ok({ synced: outcomes.length - failures.length - cancelled, failed: failures.length, cancelled, errors: reasons })
    }),

    // Stops the run "Sync all" (or a character's Sync now) started; what answered is kept.
    'sync:cancel': handle(
      'sync:cancel',
      () => {
        const running = context.scheduler?.busy() ?? false
        context.scheduler?.cancelRun()
        return ok({ cancelled: running })
      },
      false,
    ),
  }
}
