import { fs } from '../fs.ts'
import { homedir } from 'node:os'
import { dirname } from 'node:path'
import { app } from 'electron'
import { applyStartAtLogin, autostartDir, startedHidden } from '../desktop/login-item.ts'

/** Start at login for this OS (login item on macOS and Windows, XDG autostart entry on Linux); what the player must still do, if anything. */
export function setStartAtLogin(enabled: boolean): string | undefined {
  return applyStartAtLogin(enabled, {
    platform: process.platform,
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    loginItemStatus: () => app.getLoginItemSettings().status,
    // An AppImage runs from a temporary mount: autostart must start the AppImage file itself.
    executable: process.env.APPIMAGE ?? process.execPath,
    autostartDir: autostartDir(process.env, homedir()),
    writeFile: (path, text) => {
      fs.mkdirSync(dirname(path), { recursive: true })
      fs.writeFileSync(path, text)
    },
    removeFile: (path) => fs.rmSync(path, { force: true }),
  })
}

/** Whether the login entry started the app (it then stays in the tray). */
export function launchedAtLogin(): boolean {
  return startedHidden(process.argv, process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true)
}
