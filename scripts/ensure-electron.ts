/**
 * Makes sure the Electron binary is present before `npm start`. Since Electron 42 the npm package
 * downloads its binary lazily; `install-electron` (the package's own bin) fetches it now, and when that
 * is impossible (no internet) this says so plainly instead of failing deep inside electron-vite.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { electronBinary, electronPackageDir } from './electron-binary.ts'

if (!electronBinary()) {
  if (process.env.ELECTRON_EXEC_PATH) {
    console.error(`ELECTRON_EXEC_PATH is set to ${process.env.ELECTRON_EXEC_PATH}, but there is no file there.`)
    process.exit(1)
  }
  console.log('Downloading the Electron binary (first start only)…')
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], { stdio: 'inherit' })
  if (result.status !== 0 || !electronBinary()) {
    console.error(
      [
        '',
        'Vault Companion could not start: the Electron binary is not installed and could not be downloaded.',
        'Electron fetches its binary from the internet on first start; connect and run `npm start` again,',
        'or set ELECTRON_EXEC_PATH to an Electron 45 executable you already have.',
        'The command-line tool works without it: npx vault-companion help',
      ].join('\n'),
    )
    process.exit(1)
  }
}
