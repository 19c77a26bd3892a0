import { defineMessages } from '../define-messages'

export default defineMessages(
  {
    backup: {
      title: '备份与恢复',
      hint: '备份包含全部申请人、证件照片、设置、柜员和审计记录，用你设置的备份密码加密（不依赖本机钥匙串），可在另一台电脑上恢复。请把密码与备份文件分开保管：没有密码，任何人都无法打开备份。',
      passphrase: '备份密码（至少 {min} 个字符）',
      again: '再次输入备份密码',
      tooShort: '备份密码至少需要 {min} 个字符',
      mismatch: '两次输入的备份密码不一致',
      create: '创建备份…',
      created: '备份已保存：{file}（{applicants} 位申请人，{images} 张照片）',
      restoreTitle: '在另一台电脑上恢复',
      restoreHint: '恢复在新电脑上进行，写入一个新的数据文件夹，不会覆盖已有队列。由 IT 在新电脑上运行：',
      restoreAfter: '然后用 KYC_DESK_KEY_FILE 指向命令给出的密钥文件启动 kyc-desk。密码错误、文件不完整或损坏、来自更新版本的备份都会被拒绝，且不做任何更改。',
    },
  },
  {
    backup: {
      title: 'Backup and restore',
      hint: 'A backup holds every applicant, their ID images, the settings, operators and the audit trail, encrypted with the passphrase you choose (not this PC’s keychain), and restores on another PC. Keep the passphrase apart from the file: without it nobody can open the backup.',
      passphrase: 'Backup passphrase (at least {min} characters)',
      again: 'The passphrase again',
      tooShort: 'The passphrase must be at least {min} characters',
      mismatch: 'The two passphrases differ',
      create: 'Create backup…',
      created: 'Backup saved: {file} ({applicants} applicants, {images} images)',
      restoreTitle: 'Restoring on another PC',
      restoreHint: 'A restore runs on the new PC, into a new data folder; it never overwrites a queue. IT runs on the new PC:',
      restoreAfter: 'then starts kyc-desk with KYC_DESK_KEY_FILE naming the key file the command printed. A wrong passphrase, an incomplete or damaged file, or a backup from a newer version is refused and changes nothing.',
    },
  },
)
