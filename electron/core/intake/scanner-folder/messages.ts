import type { ImageSlot } from '../../../../shared/domain/images'
import type { Locale } from '../../../../shared/identity'
import { describeFailure, describeIssue, type NormalizeFailure, type QualityIssue } from '../image'
import type { FolderRefusal } from './folder-policy'
import type { AssignFailure, InboxNote, Messages } from './types'

type Note =
  | { code: 'auto.no-applicant'; reference: string }
  | { code: 'auto.not-draft'; reference: string }
  | { code: 'auto.quality' }
  | { code: 'auto.failed' }
  | { code: 'auto.locked' }
  | { code: 'file.unreadable'; detail: string }
  | { code: 'file.delete-failed' }
  | { code: 'file.check-failed' }
  | { code: AssignFailure }
  | { code: 'folder-missing'; folder: string }
  | { code: 'folder-refused'; folder: string; reason: Exclude<FolderRefusal, 'missing'> }
  | { code: 'file.not-regular' }
  | { code: 'pattern-invalid'; pattern: string }

const refusalTexts: Record<Exclude<FolderRefusal, 'missing'>, Record<Locale, string>> = {
  'not-absolute': { en: 'it is not a full path', 'zh-CN': '不是完整路径' },
  'not-a-directory': { en: 'it is a file, not a folder', 'zh-CN': '它是文件而不是文件夹' },
  'data-folder': { en: "it is kyc-desk's own data folder, inside it or above it", 'zh-CN': '它是 kyc-desk 自己的数据文件夹，或位于其中或其上层' },
  'app-folder': { en: "it is one of the user profile's application folders", 'zh-CN': '它属于用户配置文件中的应用程序文件夹' },
  'system-folder': { en: 'it is a system folder or a drive root', 'zh-CN': '它是系统文件夹或磁盘根目录' },
}

type Texts = { [C in Note['code']]: Record<Locale, (n: Extract<Note, { code: C }>) => string> }

const texts: Texts = {
  'auto.no-applicant': {
    en: (n) => `no applicant with reference ${n.reference}; check the file name or assign the file by hand`,
    'zh-CN': (n) => `没有编号为 ${n.reference} 的申请人；请检查文件名，或手动指定`,
  },
  'auto.not-draft': {
    en: (n) => `applicant ${n.reference} is already queued; to replace an image, assign the file by hand`,
    'zh-CN': (n) => `申请人 ${n.reference} 已在队列中；如需替换图片，请手动指定`,
  },
  'auto.quality': {
    en: () => 'not assigned automatically because of the quality warnings; rescan, or assign by hand with a reason',
    'zh-CN': () => '因质量警告未自动指定；请重新扫描，或手动指定并填写理由',
  },
  'auto.locked': {
    en: () => 'not assigned while nobody is signed in; sign in and assign it',
    'zh-CN': () => '当前无柜员登录，未自动指定；请登录后指定',
  },
  'auto.failed': { en: () => 'storing failed (see the log); try assigning it again', 'zh-CN': () => '保存失败（详见日志）；请重新指定' },
  'file.unreadable': {
    en: (n) => `the file cannot be read (${n.detail}); it may still be open in the scanner software`,
    'zh-CN': (n) => `无法读取该文件（${n.detail}）；扫描软件可能仍在占用`,
  },
  'file.delete-failed': {
    en: () => 'stored with the applicant, but the file could not be deleted from the scanner folder; delete it by hand',
    'zh-CN': () => '已保存到申请人，但无法从扫描文件夹删除该文件；请手动删除',
  },
  'file.check-failed': {
    en: () => 'the file could not be checked (see the log); save it to the folder again, or discard it',
    'zh-CN': () => '无法检查该文件（详见日志）；请重新保存到文件夹，或将其删除',
  },
  'no-such-item': { en: () => 'the file is no longer in the scanner folder', 'zh-CN': () => '该文件已不在扫描文件夹中' },
  busy: { en: () => 'the file is still being checked or stored; try again in a moment', 'zh-CN': () => '文件仍在检查或保存中；请稍后再试' },
  unusable: { en: () => 'the file is not a usable image', 'zh-CN': () => '该文件不是可用的图片' },
  'needs-override': {
    en: () => 'the image has quality warnings: give a reason to use it anyway, or rescan',
    'zh-CN': () => '图片存在质量警告：请填写仍要使用的理由，或重新扫描',
  },
  'applicant-not-found': { en: () => 'the applicant no longer exists', 'zh-CN': () => '该申请人已不存在' },
  'applicant-purged': { en: () => "the applicant's data has been purged", 'zh-CN': () => '该申请人的数据已清除' },
  failed: { en: () => 'storing failed (see the log); the file is still in the folder', 'zh-CN': () => '保存失败（详见日志）；文件仍在文件夹中' },
  'folder-missing': { en: (n) => `the scanner folder ${n.folder} does not exist`, 'zh-CN': (n) => `扫描文件夹 ${n.folder} 不存在` },
  'folder-refused': {
    en: (n) => `the scanner folder ${n.folder} cannot be used: ${refusalTexts[n.reason].en}; choose a folder of its own for scans`,
    'zh-CN': (n) => `无法使用扫描文件夹 ${n.folder}：${refusalTexts[n.reason]['zh-CN']}；请为扫描件单独指定一个文件夹`,
  },
  'file.not-regular': {
    en: () => 'not an ordinary file (a link, a folder or a device); kyc-desk neither reads nor deletes it',
    'zh-CN': () => '不是普通文件（链接、文件夹或设备）；kyc-desk 不会读取或删除它',
  },
  'pattern-invalid': {
    en: (n) => `the file-name pattern “${n.pattern}” needs {ref} and {slot} exactly once each`,
    'zh-CN': (n) => `文件名规则“${n.pattern}”必须各含一次 {ref} 和 {slot}`,
  },
}

export function messages(note: Note): Messages {
  // Each entry takes exactly its own variant (see Texts); TypeScript cannot correlate them here.
  const entry = texts[note.code] as Record<Locale, (n: Note) => string>
  return { en: entry.en(note), 'zh-CN': entry['zh-CN'](note) }
}

export function note(value: Note): InboxNote {
  return { code: value.code, message: messages(value) }
}

/** The image pipeline names the slot ("front image: …"); a file not yet meant for a slot is named by its file name. */
const slotLabels: Record<Locale, string> = { en: 'front image', 'zh-CN': '正面照片' }
const named = (text: string, name: string, locale: Locale, slot: ImageSlot | null) =>
  slot === null && text.startsWith(slotLabels[locale]) ? `“${name}”${text.slice(slotLabels[locale].length)}` : text

export function failureNote(name: string, slot: ImageSlot | null, reason: NormalizeFailure): InboxNote {
  const say = (locale: Locale) => named(describeFailure(slot ?? 'front', reason, locale), name, locale, slot)
  return { code: `image.${reason.code}`, message: { en: say('en'), 'zh-CN': say('zh-CN') } }
}

export function qualityNote(name: string, slot: ImageSlot | null, issue: QualityIssue): InboxNote {
  const say = (locale: Locale) => named(describeIssue(issue, locale), name, locale, slot)
  return { code: `quality.${issue.code}`, message: { en: say('en'), 'zh-CN': say('zh-CN') } }
}
