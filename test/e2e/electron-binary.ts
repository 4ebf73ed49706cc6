import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Path of the Electron binary without `require('electron')`, which on Electron 42+ starts a download:
 * ELECTRON_PATH, else the binary that `install-electron` unpacked into node_modules/electron/dist.
 */
export function electronBinary(): string | undefined {
  const fromEnv = process.env.ELECTRON_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}
