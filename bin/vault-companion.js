#!/usr/bin/env node
// The command players run (`npx vault-companion …` in a checkout, or installed with npm): the bundled
// CLI from `npm run build` (starts in a fraction of a second), else the TypeScript source run by Node's
// built-in type stripping (Node 22.18+) for development.
import { existsSync } from 'node:fs'
import module from 'node:module'

const bundle = new URL('../out/main/cli.js', import.meta.url)
const [major, minor] = process.versions.node.split('.').map(Number)
const needs = existsSync(bundle) ? [22, 12] : [22, 18]
if (major < needs[0] || (major === needs[0] && minor < needs[1])) {
  console.error(`vault-companion needs Node ${needs.join('.')} or newer (this is ${process.version}).`)
  process.exit(2)
}
// Node keeps the bundle's compiled code in its cache folder, so every run after the first skips most of
// parsing it (about a sixth of the start-up here). Harmless where unsupported or unwritable.
module.enableCompileCache?.()
await import(existsSync(bundle) ? bundle.href : '../main/cli.ts')
