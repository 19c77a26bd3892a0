import type { MainMenu, MenuHandle } from './electron-modules'

/**
 * No default menu: it would offer DevTools, reload and electronjs.org at the counter. macOS needs
 * a menu bar for copy and paste in text fields, so it gets the system's own app and edit menus,
 * labelled in the system's language by the roles.
 */
export function applicationMenu(menu: Pick<MainMenu, 'buildFromTemplate'>, platform: NodeJS.Platform): MenuHandle | null {
  if (platform !== 'darwin') return null
  return menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }])
}
