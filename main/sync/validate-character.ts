import type { CharacterRef } from '../../shared/domain/types.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { SourceError } from '../clients/source-error.ts'
import type { SourceClients } from './sync-service.ts'

/**
 * Checks that a character exists before it is tracked: asks Raider.IO (no key) and Blizzard (when
 * configured) at once. One positive answer is enough, and its spelling of the name is kept. Only when
 * every source says "unknown" is the character unknown; network trouble is reported as such.
 */
export async function validateCharacter(clients: SourceClients, ref: CharacterRef): Promise<Result<CharacterRef>> {
  const checks: Promise<string>[] = [clients.raiderio.characterProfile(ref).then((p) => p.name)]
  if (clients.blizzard) checks.push(clients.blizzard.characterProfile(ref).then((p) => p.name))
  const outcomes = await Promise.allSettled(checks)
  const found = outcomes.find((o): o is PromiseFulfilledResult<string> => o.status === 'fulfilled')
  if (found) {
    const name = found.value.toLowerCase() === ref.name.toLowerCase() ? found.value : ref.name
    return ok({ ...ref, name })
  }
  const errors = outcomes.flatMap((o) => (o.status === 'rejected' ? [asSourceError(o.reason)] : []))
  const unknown = errors.find((e) => e.code === 'UNKNOWN_CHARACTER')
  if (unknown && errors.every((e) => e.code === 'UNKNOWN_CHARACTER')) return err('UNKNOWN_CHARACTER', unknown.message)
  const first = errors.find((e) => e.code !== 'UNKNOWN_CHARACTER') ?? errors[0]!
  return err(first.code, `Could not check ${ref.name} on ${ref.realm}: ${first.message} Nothing was stored.`)
}

function asSourceError(reason: unknown): SourceError {
  return reason instanceof SourceError ? reason : new SourceError('raiderio', 'UPSTREAM_ERROR', reason instanceof Error ? reason.message : String(reason))
}
