/**
 * Whether the desktop shows a tray icon at all. Electron's tray on Linux needs a StatusNotifier host;
 * stock GNOME has none (Ubuntu's GNOME ships the AppIndicator extension, so it does), and there a
 * "closed to the tray" app would be an invisible process the player cannot reach. Where no tray can
 * be seen, closing the window quits, whatever the close-to-tray setting says.
 */
export function trayIsVisible(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform !== 'linux') return true
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').split(':').map((d) => d.trim().toLowerCase())
  if (!desktops.includes('gnome')) return true
  return desktops.includes('ubuntu') || desktops.includes('unity')
}

/** Closing the window keeps the app running in the tray only when the player wants it and a tray can be seen. */
export function closeKeepsRunning(closeToTraySetting: boolean, trayVisible: boolean): boolean {
  return closeToTraySetting && trayVisible
}
