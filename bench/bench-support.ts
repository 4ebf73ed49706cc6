/** Shared by the benchmarks: the fake APIs' process, names to track, and figures with their spread. */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/** Every request the fakes received, per source: when it arrived and when it was answered. */
export type Timeline = Record<'blizzard' | 'warcraftlogs' | 'raiderio', { arrived: number; answered: number }[]>

type Source = keyof Timeline

/** Which environment variables point the app at each source's fake. */
const ENV_OF: Record<Source, RegExp> = { blizzard: /^VAULT_BLIZZARD_/, warcraftlogs: /^VAULT_WCL_/, raiderio: /^VAULT_RAIDERIO_/ }

/**
 * Starts the fakes (bench/fake-apis-process.ts) with `characters` seeded and `latencyMs` added to every
 * answer: one process per source, so one fake's work (Warcraft Logs' runs real GraphQL) never delays
 * another's answers, as three separate services would not. Resolves with the environment pointing the
 * app at them.
 */
export async function startFakes(characters: number, latencyMs: number) {
  const sources = Object.keys(ENV_OF) as Source[]
  const processes = await Promise.all(sources.map(() => startFakeProcess(characters, latencyMs)))
  const env = Object.fromEntries(sources.flatMap((source, i) => Object.entries(processes[i]!.env).filter(([key]) => ENV_OF[source].test(key))))
  const all = (path: string) => Promise.all(processes.map((p) => fetch(`${p.control}${path}`, { method: 'POST' })))
  return {
    env,
    reset: () => all('/reset'),
    /** The first `count` characters log in, get a new kill and log out. */
    play: (count: number) => all(`/play?count=${count}`),
    /** Each source's requests as its own process received them. */
    timeline: async () => {
      const timelines = await Promise.all(processes.map(async (p) => (await (await fetch(`${p.control}/timeline`)).json()) as Timeline))
      return Object.fromEntries(sources.map((source, i) => [source, timelines[i]![source]])) as Timeline
    },
    stop: () => processes.forEach((p) => p.child.stdin.end()),
  }
}

async function startFakeProcess(characters: number, latencyMs: number) {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'fake-apis-process.ts')], { env: { ...process.env, BENCH_CHARACTERS: String(characters), BENCH_LATENCY_MS: String(latencyMs) }, stdio: ['pipe', 'pipe', 'inherit'] })
  const [line] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string])
  const { env, control } = JSON.parse(line!) as { env: Record<string, string>; control: string }
  return { child, env, control }
}

/** Names the benchmark tracks (letters only, as character names must be). */
export function benchCharacterNames(n: number): string[] {
  const letter = (i: number) => String.fromCharCode(97 + (i % 26))
  return Array.from({ length: n }, (_, i) => `Alt${letter(i)}${letter(Math.floor(i / 26))}${i >= 676 ? letter(Math.floor(i / 676)) : ''}`)
}

/** "312 ms (298–340)": the median and the range of repeated measurements. */
export function spread(values: readonly number[], unit: string, digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
  const f = (v: number) => v.toFixed(digits)
  return `${f(median)} ${unit} (${f(sorted[0]!)}–${f(sorted.at(-1)!)})`
}

/**
 * Round trips on the critical path, from the fakes' own timestamps: a request that arrived after
 * another was answered may have waited for it, so the path is the longest chain of such requests.
 */
export function criticalPath(timeline: readonly { arrived: number; answered: number }[]): number {
  const requests = [...timeline].sort((a, b) => a.arrived - b.arrived)
  const depth: number[] = []
  requests.forEach((r, i) => {
    let before = 0
    for (let j = 0; j < i; j += 1) if (requests[j]!.answered <= r.arrived) before = Math.max(before, depth[j]!)
    depth[i] = before + 1
  })
  return Math.max(0, ...depth)
}
