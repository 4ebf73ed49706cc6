/**
 * Makes sure the Electron binary is present before `npm start`. Since Electron 42 the npm package
 * downloads its binary lazily; `install-electron` (the package's own bin) fetches it now, and when that
 * is impossible (no internet) this says so plainly instead of failing deep inside electron-vite.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))

function installedBinary(): string | undefined {
  // electron-vite launches ELECTRON_EXEC_PATH instead of the package's binary when it is set.
  const override = process.env.ELECTRON_EXEC_PATH
  if (override) return existsSync(override) ? override : undefined
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

if (!installedBinary()) {
  console.log('Downloading the Electron binary (first start only)…')
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'inherit' })
  if (result.status !== 0 || !installedBinary()) {
    console.error(
      [
        '',
        'Vault Companion could not start: the Electron binary is not installed and could not be downloaded.',
        'Electron fetches its binary from the internet on first start; connect and run `npm start` again,',
        'or set ELECTRON_EXEC_PATH to an Electron 45 executable you already have.',
        'The command-line tool works without it: npm run --silent cli -- help',
      ].join('\n'),
    )
    process.exit(1)
  }
}
