// Loaded with --import by startup.bench.ts: reports the process's peak memory when it exits.
process.on('exit', () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`))
