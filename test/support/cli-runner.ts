import { runCli, type CliIo } from '../../main/cli/run.ts'
import type { Harness } from './core-harness.ts'

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
  json(): Record<string, unknown>
}

/** Runs the CLI in-process against the harness's fakes, data folder and clock, capturing what it prints. */
export function cliRunner(h: Harness) {
  return async function cli(args: readonly string[], extra: Partial<CliIo> = {}): Promise<CliRun> {
    let stdout = ''
    let stderr = ''
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: h.apis.env, now: () => h.clock.now, ...extra }
    const code = await runCli([...args, '--data-dir', h.dataDir], io)
    return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> }
  }
}
