import type { Clock } from '../../main/ports.ts'

/** A clock whose time only moves when a test says so; due timers then fire in order. */
export class FakeClock implements Clock {
  private time: number
  private readonly timers = new Map<number, { at: number; callback: () => void }>()
  private nextId = 1

  constructor(start: number) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++
    this.timers.set(id, { at: this.time + Math.max(0, ms), callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number)
  }

  /** Pending timers. */
  get pending(): number {
    return this.timers.size
  }

  /** Moves time forward by `ms`, firing due timers in time order and letting promises settle between them. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms
    for (;;) {
      await settle()
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0]
      if (!next) break
      this.timers.delete(next[0])
      this.time = next[1].at
      next[1].callback()
    }
    this.time = target
    await settle()
  }
}

/** Lets pending promise callbacks run (several turns, for chains of awaits). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise((resolve) => setImmediate(resolve))
}
