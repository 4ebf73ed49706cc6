import { describe, expect, it, vi } from 'vitest'
import { appMenuTemplate, type AppMenuItem } from '../../../main/desktop/app-menu.ts'

const actions = { syncAll: vi.fn(), openLogsFolder: vi.fn(), checkForUpdates: vi.fn() }
const roles = (items: AppMenuItem[]): string[] => items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])])
const find = (items: AppMenuItem[], label: string): AppMenuItem | undefined => items.flatMap((i) => [i, ...(i.submenu ?? [])]).find((i) => i.label === label)

describe('application menu', () => {
  it('has no Reload or DevTools in a packaged build, but keeps them for development', () => {
    const packaged = roles(appMenuTemplate({ platform: 'linux', packaged: true, actions }))
    expect(packaged).not.toContain('toggleDevTools')
    expect(packaged).not.toContain('reload')
    expect(roles(appMenuTemplate({ platform: 'linux', packaged: false, actions }))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
  })

  it('uses the standard roles, with the app menu on macOS only', () => {
    const linux = roles(appMenuTemplate({ platform: 'linux', packaged: true, actions }))
    expect(linux).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'quit', 'about']))
    expect(linux).not.toContain('appMenu')
    const mac = roles(appMenuTemplate({ platform: 'darwin', packaged: true, actions }))
    expect(mac[0]).toBe('appMenu')
    expect(mac).not.toContain('quit')
  })

  it('offers the app\'s own actions', () => {
    const menu = appMenuTemplate({ platform: 'win32', packaged: true, actions })
    find(menu, 'Sync All Now')?.click?.()
    find(menu, 'Open Logs Folder')?.click?.()
    find(menu, 'Check for Updates')?.click?.()
    expect(actions.syncAll).toHaveBeenCalledOnce()
    expect(actions.openLogsFolder).toHaveBeenCalledOnce()
    expect(actions.checkForUpdates).toHaveBeenCalledOnce()
  })
})
