/** At most `limit` requests in any `interval` milliseconds. */
export interface RateLimit {
  limit: number
  interval: number
}

/**
 * Runs tasks under a source's limits; `pause` holds every task not yet started (a 429 for one is a 429
 * for all). A task whose signal aborts while it waits leaves the queue at once, rejected with the reason.
 */
export interface RequestQueue {
  <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  pause(ms: number): void
}

type Gate = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>

/**
 * A queue that starts each task only when every limit allows it and no pause is running. The pause is
 * checked after the limits, right before the task starts, so a task that was already waiting its turn
 * when the source said "too many" waits out the pause too.
 */
export function rateLimiter(limits: readonly RateLimit[]): RequestQueue {
  const windows = limits.map(answeredWindow)
  let resumeAt = 0
  const afterPause = async <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    for (let wait = resumeAt - Date.now(); wait > 0; wait = resumeAt - Date.now()) await abortableDelay(wait, signal)
    return task()
  }
  const queue = <T>(task: () => Promise<T>, signal?: AbortSignal) =>
    windows.reduceRight<() => Promise<unknown>>((next, window) => () => window(next, signal), () => afterPause(task, signal))() as Promise<T>
  return Object.assign(queue, {
    pause(ms: number) {
      resumeAt = Math.max(resumeAt, Date.now() + ms)
    },
  })
}

/**
 * One limit, counted where the source counts it. A task holds its place from the moment it starts until
 * `interval` after it finished, so however late the network delivers one request and however early the
 * next, the source never receives more than `limit` in any `interval`: a request arrives after it was
 * sent and before its answer. A window counted from the starts alone (p-throttle's) lets a slow first
 * burst and a fast second one land inside the same second (Windows under load: 118 Blizzard 429s in a
 * 120-character sync). The cost is one answer's latency per place and window.
 */
function answeredWindow({ limit, interval }: RateLimit): Gate {
  let running = 0
  /** When the tasks of the last `interval` finished, oldest first (from `head` on: no shifting of 36,000 entries). */
  const finishedAt: number[] = []
  let head = 0
  const waiting: (() => void)[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  const admit = () => {
    const now = performance.now()
    while (head < finishedAt.length && now - (finishedAt[head] as number) >= interval) head += 1
    if (head > 1024 && head * 2 > finishedAt.length) {
      finishedAt.splice(0, head)
      head = 0
    }
    while (waiting.length > 0 && running + finishedAt.length - head < limit) {
      running += 1
      ;(waiting.shift() as () => void)()
    }
    // A timer only while someone waits for a place that frees with time (a running task frees its own).
    if (waiting.length > 0 && timer === undefined && head < finishedAt.length) {
      timer = setTimeout(() => {
        timer = undefined
        admit()
      }, (finishedAt[head] as number) + interval - now)
    }
  }

  return async <T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    signal?.throwIfAborted()
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        waiting.splice(waiting.indexOf(admitted), 1)
        reject(signal?.reason)
      }
      const admitted = () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      waiting.push(admitted)
      admit()
    })
    try {
      return await task()
    } finally {
      running -= 1
      finishedAt.push(performance.now())
      admit()
    }
  }
}

function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
