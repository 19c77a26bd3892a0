/**
 * Backups of the queue: the refusals the core can answer with, and their words in both
 * languages. One table: the command line formats it, the renderer's i18n table takes it whole.
 */

/** A passphrase shorter than this is refused when a backup is made: it is all that protects it. */
export const minBackupPassphraseLength = 12

export const backupRefusalCodes = [
  'passphraseTooShort',
  'wrongPassphrase',
  'notABackup',
  'truncated',
  'corrupted',
  'damagedContent',
  'newerFormat',
  'newerSchema',
  'targetHasQueue',
  'targetNotEmpty',
  'queueChanged',
  'diskFull',
  'noAccess',
  'fileSystemFailed',
  'keyFailed',
  'databaseFailed',
  'outExists',
  'noBackupFile',
  'passphraseFileUnreadable',
  'noPassphrase',
  'passphrasesDiffer',
  'cancelled',
  'saveFailed',
] as const
export type BackupRefusalCode = (typeof backupRefusalCodes)[number]

type Locale = 'zh-CN' | 'en'

/** `{name}` placeholders, as vue-i18n writes them. */
export const backupRefusalMessages: Record<Locale, Record<BackupRefusalCode, string>> = {
  'zh-CN': {
    passphraseTooShort: '备份密码至少需要 {min} 个字符',
    wrongPassphrase: '备份密码不正确，未恢复任何内容',
    notABackup: '此文件不是 kyc-desk 备份',
    truncated: '备份文件不完整（在第 {chunk} 块处中断），可能未复制完；未恢复任何内容',
    corrupted: '备份文件第 {chunk} 块已损坏，无法通过校验；未恢复任何内容',
    damagedContent: '备份的内容不完整或格式不符，未恢复任何内容',
    newerFormat: '此备份的格式（版本 {found}）比本程序新（最高 {supported}），请先升级 kyc-desk',
    newerSchema: '此备份来自更新版本的 kyc-desk（数据库版本 {found}，本程序为 {supported}），请先升级 kyc-desk',
    targetHasQueue: '目标文件夹 {folder} 已有队列，恢复不会覆盖它；请选择新的文件夹',
    targetNotEmpty: '目标文件夹 {folder} 不是空的；请选择新的或空的文件夹',
    queueChanged: '备份期间队列发生了变化（有申请人被删除），请重试',
    diskFull: '磁盘空间已满，恢复已停止，未恢复任何内容；请腾出空间后重试（{detail}）',
    noAccess: '没有读写该位置的权限，未恢复任何内容；请换一个文件夹或检查权限（{detail}）',
    fileSystemFailed: '读写文件时出错，未恢复任何内容（{detail}）',
    keyFailed: '无法用本机密钥保护队列的数据密钥，未恢复任何内容；请检查密钥文件或 KYC_DESK_KEY（{detail}）',
    databaseFailed: '恢复出的数据库无法打开，未恢复任何内容（{detail}）',
    outExists: '{file} 已存在，备份不会覆盖它；请换一个文件名',
    noBackupFile: '找不到备份文件 {file}',
    passphraseFileUnreadable: '无法读取密码文件 {file}（{detail}）',
    noPassphrase: '没有备份密码：请在终端中运行，或使用 --passphrase-file F 或 {variable}',
    passphrasesDiffer: '两次输入的备份密码不一致',
    cancelled: '已取消',
    saveFailed: '备份无法写入该位置，请选择其他文件夹',
  },
  en: {
    passphraseTooShort: 'The backup passphrase must be at least {min} characters',
    wrongPassphrase: 'The backup passphrase is wrong; nothing was restored',
    notABackup: 'This file is not a kyc-desk backup',
    truncated: 'The backup file is incomplete (it ends in chunk {chunk}), perhaps not fully copied; nothing was restored',
    corrupted: 'Chunk {chunk} of the backup file is damaged and fails its check; nothing was restored',
    damagedContent: 'The contents of the backup are incomplete or not as expected; nothing was restored',
    newerFormat: 'This backup has a newer format (version {found}) than this app reads ({supported}); update kyc-desk first',
    newerSchema: 'This backup comes from a newer kyc-desk (database version {found}, this app {supported}); update kyc-desk first',
    targetHasQueue: 'The folder {folder} already holds a queue, which a restore never overwrites; choose a new folder',
    targetNotEmpty: 'The folder {folder} is not empty; choose a new or empty folder',
    queueChanged: 'The queue changed during the backup (an applicant was removed); try again',
    diskFull: 'The disk is full; the restore stopped and nothing was restored. Free some space and try again ({detail})',
    noAccess: 'Permission denied reading or writing there; nothing was restored. Choose another folder or check its permissions ({detail})',
    fileSystemFailed: 'A file could not be read or written; nothing was restored ({detail})',
    keyFailed: 'This PC’s key could not protect the queue’s data key; nothing was restored. Check the key file or KYC_DESK_KEY ({detail})',
    databaseFailed: 'The restored database could not be opened; nothing was restored ({detail})',
    outExists: '{file} already exists, and a backup never overwrites it; choose a new file name',
    noBackupFile: 'There is no backup file at {file}',
    passphraseFileUnreadable: 'Cannot read the passphrase file {file} ({detail})',
    noPassphrase: 'No passphrase: run this on a terminal, or use --passphrase-file F or {variable}',
    passphrasesDiffer: 'The two passphrases differ',
    cancelled: 'Cancelled',
    saveFailed: 'The backup could not be written there; choose another folder',
  },
}

/** Fills `{name}` placeholders (the command line; the renderer leaves it to vue-i18n). */
export function describeBackupRefusal(code: BackupRefusalCode, params: Readonly<Record<string, string | number>>, locale: Locale): string {
  return backupRefusalMessages[locale][code].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
