import { Menu, type MenuItemConstructorOptions } from 'electron'
import { appMenuTemplate, type AppMenuActions } from '../desktop/app-menu.ts'

/** Installs the application menu (replacing Electron's default one, which has DevTools in every build). */
export function installAppMenu(packaged: boolean, actions: AppMenuActions): void {
  const template = appMenuTemplate({ platform: process.platform, packaged, actions }) as MenuItemConstructorOptions[]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
