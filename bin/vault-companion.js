#!/usr/bin/env node
// The command players run (`npx vault-companion …` in a checkout, or installed with npm): the bundled
// CLI from `npm run build` (starts in a fraction of a second), else the TypeScript source run by Node's
// built-in type stripping (Node 22.18+) for development.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`vault-companion needs Node 22.12 or newer (this is ${process.version}).`)
  process.exit(2)
}
// Builtins through getBuiltinModule (Node 22.3+): importing node:fs would build its ES-module facade,
// several milliseconds of every start (see main/fs.ts).
const { existsSync } = process.getBuiltinModule('node:fs')
const module = process.getBuiltinModule('node:module')

const bundle = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(bundle) && minor < 18 && major === 22) {
  console.error(`vault-companion from its TypeScript source needs Node 22.18 or newer (this is ${process.version}); run "npm run build" first, or use a newer Node.`)
  process.exit(2)
}
// Node keeps the bundle's compiled code in its cache folder, so every run after the first skips most of
// parsing it (about a sixth of the start-up here). Harmless where unwritable.
module.enableCompileCache()
await import(existsSync(bundle) ? bundle.href : '../main/cli.ts')
