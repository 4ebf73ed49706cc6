/** Command-line entry: `npm run --silent cli -- <command>`. The logic is in cli/run.ts. */
import { runCli } from './cli/run.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  now: () => Date.now(),
})
