/**
 * electron-builder's afterPack hook: of better-sqlite3's prebuilds, only the target platform's stay in
 * the app. A `files` pattern cannot say it: `${platform}` there is the *build host's* platform, so
 * `npm run dist:win` on Linux packed Linux prebuilds into the Windows app, which then could not open
 * its database. The prebuilds are unpacked (asarUnpack), so they are plain files here, before any
 * signing. test/integration/packaging.test.ts builds each target from one host and checks.
 */
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

interface AfterPackContext {
  appOutDir: string
  /** `linux`, `win32`, `darwin` or `mas`: the target, whatever the host. */
  electronPlatformName: string
  packager: { appInfo: { productFilename: string } }
}

export function afterPack(context: AfterPackContext): void {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName
  const resources = platform === 'darwin' ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources') : join(context.appOutDir, 'resources')
  const prebuilds = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds')
  const kept = readdirSync(prebuilds).filter((file) => {
    if (file.startsWith(`${platform}-`)) return true
    rmSync(join(prebuilds, file))
    return false
  })
  // An app without its platform's prebuild could never open its database: stop the build instead.
  if (kept.length === 0) throw new Error(`better-sqlite3 has no prebuild for ${platform} in ${prebuilds}`)
}
