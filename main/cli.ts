/** Command-line entry: `npm run --silent cli -- <command>`. The logic is in cli/run.ts. */
import { runCli } from './cli/run.ts'

// `vault-companion list | head -1`: the reader left; end quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  now: () => Date.now(),
  // Questions only where someone can answer them: scripts and pipes get the --yes / list behaviour.
  prompt: process.stdin.isTTY ? ask : undefined,
})

async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises')
  const reader = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return await reader.question(question)
  } finally {
    reader.close()
  }
}
