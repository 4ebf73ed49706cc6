import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import packageJson from './package.json' with { type: 'json' }
import { developmentCspPlugin } from './scripts/content-security-policy.ts'

const root = import.meta.dirname

/**
 * The runtime dependencies are bundled into main and the CLI (loading drizzle's 110 ESM files and
 * their package.json at start-up dominated the CLI's start time). External, loaded from node_modules
 * as they are: the native better-sqlite3, and electron-log and electron-updater, which only the
 * desktop shell loads and which reach into Electron and their own files at run time.
 */
const EXTERNAL = new Set(['better-sqlite3', 'electron-log', 'electron-updater'])
const bundled = Object.keys(packageJson.dependencies).filter((name) => !EXTERNAL.has(name))

/** drizzle's migrator reads the SQL files at run time: they go next to the bundles that open the store. */
function copyMigrations(): Plugin {
  return {
    name: 'copy-migrations',
    writeBundle: () => cpSync(resolve(root, 'main/store/migrations'), resolve(root, 'out/main/migrations'), { recursive: true }),
  }
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: bundled },
      rolldownOptions: {
        input: {
          index: resolve(root, 'main/electron/app.ts'),
          cli: resolve(root, 'main/cli.ts'),
          // Started as a worker thread by main/game/saved-variables/read-in-worker.ts.
          'saved-variables-worker': resolve(root, 'main/game/saved-variables/saved-variables-worker.ts'),
        },
        // Whitespace and comments out (a sixth of the bytes Node reads at every CLI start, ~8 ms), names
        // kept so stack traces in the logs still say which function failed.
        output: { minify: { mangle: false, compress: false, codegen: { removeWhitespace: true } } },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS script.
      rolldownOptions: { input: { index: resolve(root, 'preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), developmentCspPlugin()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
