/** Deep string-leaf shape: the English table must have exactly the Chinese table's keys. */
export type MessageTree<T> = { readonly [K in keyof T]: T[K] extends string ? string : MessageTree<T[K]> }

/**
 * One feature's messages in both languages. Each screen owns a namespace file in messages/, so
 * features are added without touching one shared table.
 */
export function defineMessages<const T extends object>(zhCN: T, en: MessageTree<T>): { 'zh-CN': T; en: MessageTree<T> } {
  return { 'zh-CN': zhCN, en }
}
