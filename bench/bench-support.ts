/** Shared by the benchmarks: names to track, and figures with their spread. */

/** Names the benchmark tracks (letters only, as character names must be). */
export function benchCharacterNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `Alt${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)
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
