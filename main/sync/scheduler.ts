import pLimit from 'p-limit'
import type { SourceId } from '../../shared/domain/types.ts'
import type { RateLimitInfo } from '../clients/warcraftlogs/client.ts'
import type { Clock } from '../ports.ts'
import type { TrackedCharacter } from '../store/characters-repo.ts'
import type { SyncEvents } from './events.ts'
import { settleSync, type CharacterSyncResult, type SyncOutcome } from './sync-result.ts'
import type { SyncOptions } from './sync-service.ts'

/**
 * Keeps every tracked character fresh while the app runs: all of them at start-up, then hourly,
 * each at its own phase of the hour so requests are spread instead of bursting. Characters synced in
 * the last 30 minutes are skipped; a character whose whole sync keeps failing is backed off; Warcraft
 * Logs is left out while its hourly points run low; one character never syncs twice at once.
 */
export interface SchedulerDeps {
  clock: Clock
  listCharacters(): TrackedCharacter[]
  /** When the character was last synced (any outcome), if ever. */
  lastSyncedAt(characterId: number): number | undefined
  syncCharacter(character: TrackedCharacter, options: SyncOptions): Promise<CharacterSyncResult>
  /** Warcraft Logs' points, as last read from its responses. */
  warcraftLogsRateLimit?(): RateLimitInfo | undefined
  events?: SyncEvents
  intervalMs?: number
  minGapMs?: number
  concurrency?: number
  maxBackoffMs?: number
  /** Leave Warcraft Logs out while fewer points than this are left this hour. */
  warcraftLogsReserve?: number
  /** The longest one character's sync may take before its remaining requests are abandoned. */
  syncDeadlineMs?: number
}

export interface Scheduler {
  start(): void
  /** Syncs the given characters (default: all) now, forced; joins a sync already running. Every character gets an outcome, failed ones included. */
  runNow(characterIds?: readonly number[]): Promise<SyncOutcome[]>
  /**
   * Stops the syncs runNow started: characters still waiting are not synced, the requests of those in
   * progress end and what already answered is saved. Nothing is held against a source or a character.
   */
  cancelRun(): void
  /** Runs what is due now (after the machine wakes: timers do not fire during sleep). */
  wake(): void
  /** Stops scheduling, cancels the requests of syncs in progress and waits for them to save what they have. */
  stop(): Promise<void>
  /** Whether any sync is running. */
  busy(): boolean
  /** When the character's next scheduled sync is due. */
  nextDueAt(characterId: number): number | undefined
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock, events } = deps
  const intervalMs = deps.intervalMs ?? 60 * 60 * 1000
  const minGapMs = deps.minGapMs ?? 30 * 60 * 1000
  const maxBackoffMs = deps.maxBackoffMs ?? 8 * 60 * 60 * 1000
  const reserve = deps.warcraftLogsReserve ?? 100
  const limit = pLimit(deps.concurrency ?? 2)
  const syncDeadlineMs = deps.syncDeadlineMs ?? 3 * 60 * 1000
  /** Cancels every sync in progress (the app is quitting); renewed by start(). */
  let stopping = new AbortController()
  /** Cancels the syncs of the player's run (runNow) in progress; a new run after a cancel gets a new one. */
  let playerRun = new AbortController()

  const due = new Map<number, number>()
  const failures = new Map<number, number>()
  const inFlight = new Map<number, Promise<SyncOutcome>>()
  let startedAt = 0
  let timer: unknown
  let running = false

  /** Each character's fixed offset within the hour, from its place in the list; refreshed every tick. */
  const phases = new Map<number, number>()
  function updatePhases(characters: readonly TrackedCharacter[]): void {
    phases.clear()
    characters.forEach((c, index) => phases.set(c.id, Math.floor((index * intervalMs) / characters.length)))
  }

  /** The next hourly slot of a character strictly after `after`. */
  function nextSlot(characterId: number, after: number): number {
    const base = startedAt + (phases.get(characterId) ?? 0)
    const cycles = Math.floor((after - base) / intervalMs) + 1
    return base + Math.max(1, cycles) * intervalMs
  }

  function skipSources(): SourceId[] {
    const rate = deps.warcraftLogsRateLimit?.()
    if (!rate) return []
    const resetsAt = rate.readAt + rate.resetsInSeconds * 1000
    return rate.pointsLeft < reserve && clock.now() < resetsAt ? ['warcraftlogs'] : []
  }

  function syncOnce(character: TrackedCharacter, force: boolean, cancel?: AbortSignal): Promise<SyncOutcome> {
    const existing = inFlight.get(character.id)
    if (existing) return existing
    const promise = limit(async (): Promise<SyncOutcome> => {
      if (stopping.signal.aborted) return { ok: false, character, message: 'Not synced: Vault Companion is quitting.' }
      if (cancel?.aborted) {
        // The player stopped the run: the character keeps its hourly slot, with no back-off.
        due.set(character.id, nextSlot(character.id, clock.now()))
        return { ok: false, character, message: 'Not synced: the sync was cancelled.', cancelled: true }
      }
      // One slow source cannot hold a character (or the queue behind it) for ever.
      const signal = AbortSignal.any([stopping.signal, AbortSignal.timeout(syncDeadlineMs), ...(cancel ? [cancel] : [])])
      const outcome = await settleSync(character, Promise.resolve().then(() => deps.syncCharacter(character, { force, skipSources: skipSources(), signal })))
      if (cancel?.aborted) {
        due.set(character.id, nextSlot(character.id, clock.now()))
        return { ...outcome, cancelled: true }
      }
      if (outcome.ok) {
        // Back off only when nothing worked; one source down is not the character's problem.
        const statuses = Object.values(outcome.result.sources).map((s) => s.status)
        recordOutcome(character.id, !(statuses.includes('error') && !statuses.includes('ok')))
      } else {
        recordOutcome(character.id, false)
        events?.emit('character:failed', { characterId: character.id, message: outcome.message })
      }
      return outcome
    }).finally(() => {
      inFlight.delete(character.id)
      arm()
    })
    inFlight.set(character.id, promise)
    return promise
  }

  function recordOutcome(characterId: number, ok: boolean): void {
    const now = clock.now()
    if (ok) {
      failures.delete(characterId)
      due.set(characterId, nextSlot(characterId, now))
      return
    }
    const count = (failures.get(characterId) ?? 0) + 1
    failures.set(characterId, count)
    due.set(characterId, now + Math.min(intervalMs * 2 ** (count - 1), maxBackoffMs))
  }

  function tick(): void {
    timer = undefined
    if (!running) return
    const now = clock.now()
    const characters = deps.listCharacters()
    updatePhases(characters)
    const known = new Set(characters.map((c) => c.id))
    for (const id of due.keys()) if (!known.has(id)) due.delete(id)
    for (const character of characters) {
      if (!due.has(character.id)) due.set(character.id, now) // tracked since the last tick
      if ((due.get(character.id) as number) > now || inFlight.has(character.id)) continue
      const last = deps.lastSyncedAt(character.id)
      if (last !== undefined && now - last < minGapMs && !failures.has(character.id)) {
        due.set(character.id, nextSlot(character.id, now))
        continue
      }
      void syncOnce(character, false)
    }
    arm()
  }

  function arm(): void {
    if (!running) return
    if (timer !== undefined) clock.clearTimeout(timer)
    const waiting = [...due.entries()].filter(([id]) => !inFlight.has(id)).map(([, at]) => at)
    if (waiting.length === 0) {
      // Nothing tracked yet: look again after an interval for characters added meanwhile.
      timer = clock.setTimeout(tick, intervalMs)
      return
    }
    timer = clock.setTimeout(tick, Math.max(0, Math.min(...waiting) - clock.now()))
  }

  return {
    start() {
      if (running) return
      running = true
      if (stopping.signal.aborted) stopping = new AbortController()
      startedAt = clock.now()
      tick()
    },
    async runNow(characterIds) {
      const wanted = characterIds ? new Set(characterIds) : undefined
      const characters = deps.listCharacters().filter((c) => !wanted || wanted.has(c.id))
      if (playerRun.signal.aborted) playerRun = new AbortController()
      const cancel = playerRun.signal
      let done = 0
      events?.emit('run:progress', { done, total: characters.length })
      return Promise.all(
        characters.map((c) =>
          syncOnce(c, true, cancel).then((outcome) => {
            events?.emit('run:progress', { done: ++done, total: characters.length })
            return outcome
          }),
        ),
      )
    },
    cancelRun() {
      playerRun.abort(new Error('The player cancelled the sync'))
    },
    wake() {
      if (running) tick()
    },
    async stop() {
      running = false
      if (timer !== undefined) clock.clearTimeout(timer)
      timer = undefined
      stopping.abort(new Error('Vault Companion is quitting'))
      await Promise.allSettled([...inFlight.values()])
    },
    busy: () => inFlight.size > 0,
    nextDueAt: (characterId) => due.get(characterId),
  }
}
