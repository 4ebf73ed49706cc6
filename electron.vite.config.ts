import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import packageJson from './package.json' with { type: 'json' }

const root = import.meta.dirname

/**
 * The runtime dependencies are bundled into main and the CLI (loading drizzle's 110 ESM files and
 * their package.json at start-up dominated the CLI's start time); only the native better-sqlite3 stays
 * external, loaded from node_modules as it is.
 */
const bundled = Object.keys(packageJson.dependencies).filter((name) => name !== 'better-sqlite3')

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
      rolldownOptions: { input: { index: resolve(root, 'main/electron/app.ts'), cli: resolve(root, 'main/cli.ts') } },
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
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
