import type { MenuItemConstructorOptions } from 'electron'
import type { MainMenu, MenuHandle } from './electron-modules'

const labels = {
  zh: { app: 'kyc-desk', about: '关于 kyc-desk', hide: '隐藏 kyc-desk', hideOthers: '隐藏其他', unhide: '全部显示', quit: '退出 kyc-desk', edit: '编辑', undo: '撤销', redo: '重做', cut: '剪切', copy: '拷贝', paste: '粘贴', selectAll: '全选' },
  en: { app: 'kyc-desk', about: 'About kyc-desk', hide: 'Hide kyc-desk', hideOthers: 'Hide Others', unhide: 'Show All', quit: 'Quit kyc-desk', edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All' },
} as const

/**
 * No default menu: it would offer DevTools, reload and electronjs.org at the counter. macOS needs
 * a menu bar for copy and paste in text fields, so it gets an app and an edit menu, in Chinese
 * where the system is, with nothing else.
 */
export function applicationMenu(menu: Pick<MainMenu, 'buildFromTemplate'>, platform: NodeJS.Platform, systemLocale: string): MenuHandle | null {
  if (platform !== 'darwin') return null
  const l = systemLocale.toLowerCase().startsWith('zh') ? labels.zh : labels.en
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  return menu.buildFromTemplate([
    {
      label: l.app,
      submenu: [{ role: 'about', label: l.about }, separator, { role: 'hide', label: l.hide }, { role: 'hideOthers', label: l.hideOthers }, { role: 'unhide', label: l.unhide }, separator, { role: 'quit', label: l.quit }],
    },
    {
      label: l.edit,
      submenu: [{ role: 'undo', label: l.undo }, { role: 'redo', label: l.redo }, separator, { role: 'cut', label: l.cut }, { role: 'copy', label: l.copy }, { role: 'paste', label: l.paste }, { role: 'selectAll', label: l.selectAll }],
    },
  ])
}
