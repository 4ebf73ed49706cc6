import { describe, expect, it, vi } from 'vitest'
import { createQuitSequence, FORCE_EXIT_AFTER_MS, QUIT_DEADLINE_MS } from '../../../main/desktop/quit.ts'
import { createLineLogger } from '../../../main/logging.ts'
import { FakeClock, settle } from '../../fakes/fake-clock.ts'

function setUp(stopSyncs: () => Promise<void>) {
  const clock = new FakeClock(0)
  const order: string[] = []
  const lines: string[] = []
  const quit = createQuitSequence({
    stopSyncs: () => {
      order.push('stop syncs')
      return stopSyncs()
    },
    closeStore: () => order.push('close store'),
    exit: () => order.push(`exit at ${clock.now()} ms`),
    forceExit: () => order.push(`forced exit at ${clock.now()} ms`),
    clock,
    log: createLineLogger((line) => lines.push(line), () => clock.now()),
  })
  return { clock, order, lines, quit }
}

describe('quit', () => {
  it('aborts the syncs, then closes the database, then exits', async () => {
    const { order, quit } = setUp(() => Promise.resolve())
    quit.begin('quit')
    expect(quit.quitting()).toBe(true)
    expect(quit.done()).toBe(false)
    await settle()
    expect(order).toEqual(['stop syncs', 'close store', 'exit at 0 ms'])
    // The quit that follows goes through.
    expect(quit.done()).toBe(true)
  })

  it('exits at the deadline when a sync does not stop in time', async () => {
    const { clock, order, lines, quit } = setUp(() => new Promise(() => {}))
    quit.begin('quit')
    await clock.advance(QUIT_DEADLINE_MS - 1)
    expect(order).toEqual(['stop syncs'])
    await clock.advance(1)
    expect(order).toEqual(['stop syncs', 'close store', `exit at ${QUIT_DEADLINE_MS} ms`])
    expect(lines.join('')).toContain('syncs still running at the quit deadline')
  })

  it('quits once however often it is asked (Quit, then the OS ending the session)', async () => {
    const stop = vi.fn(() => Promise.resolve())
    const { order, quit } = setUp(stop)
    quit.begin('quit')
    quit.begin('session end', 1000)
    await settle()
    expect(stop).toHaveBeenCalledOnce()
    expect(order.filter((step) => step.startsWith('exit'))).toHaveLength(1)
  })

  it('ends the process itself if the quit is still held up afterwards (the process normally ends before this)', async () => {
    const { clock, order, quit } = setUp(() => Promise.resolve())
    quit.begin('quit')
    await clock.advance(FORCE_EXIT_AFTER_MS)
    expect(order).toEqual(['stop syncs', 'close store', 'exit at 0 ms', `forced exit at ${FORCE_EXIT_AFTER_MS} ms`])
  })

  it('still exits when stopping the syncs fails', async () => {
    const { order, quit } = setUp(() => Promise.reject(new Error('boom')))
    quit.begin('quit')
    await settle()
    expect(order.at(-1)).toBe('exit at 0 ms')
  })
})
