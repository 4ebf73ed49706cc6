import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The Electron binary to run, found without loading the electron package (on Electron 42+ that starts a download):
 * ELECTRON_EXEC_PATH when set (the one variable for an Electron you already have; electron-vite
 * launches it too), else the binary `install-electron` unpacked into node_modules/electron/dist.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const override = env.ELECTRON_EXEC_PATH
  if (override) return existsSync(override) ? override : undefined
  const packageDir = electronPackageDir()
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

export function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
}
