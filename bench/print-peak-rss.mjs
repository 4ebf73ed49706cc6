// Loaded with --import by startup.bench.ts: reports the process's peak memory when it exits. Linux
// keeps getrusage's maxRSS across exec, so a child of a large parent would report the parent's peak;
// /proc/self/status's VmHWM is this program's own. (node:fs through getBuiltinModule: importing it
// would add its ES-module facade to every measured start.)
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS
  try {
    kb = Number(/VmHWM:\s+(\d+) kB/.exec(process.getBuiltinModule('node:fs').readFileSync('/proc/self/status', 'utf8'))?.[1] ?? kb)
  } catch {
    // Not Linux: maxRSS it is.
  }
  process.stderr.write(`\npeak-rss-kb ${kb}\n`)
})
