import { defineMessages } from '../define-messages'

// The keyboard shortcuts (shortcuts/shortcut-list.ts): the capture screen's legend and Help.
export default defineMessages(
  {
    shortcuts: {
      title: '快捷键',
      or: '或',
      action: {
        next: '下一个未填项',
        front: '证件正面',
        back: '证件背面',
        hand: '手持证件照',
        queue: '加入队列',
        queueSync: '加入队列并同步',
        help: '帮助',
      },
      describe: {
        next: '跳到下一个还没填的必填项；由身份证号、MRZ 或账户二维码自动填好的项会跳过',
        front: '放入扫描文件夹里的下一份文件；没有文件时打开摄像头拍照',
        back: '同上，放入证件背面',
        hand: '同上，放入手持证件照',
        queue: '检查无误后加入队列，稍后同步',
        queueSync: '加入队列并立即同步',
        help: '打开本帮助页（在输入框中请按 F1）',
      },
    },
  },
  {
    shortcuts: {
      title: 'Shortcuts',
      or: 'or',
      action: {
        next: 'Next empty field',
        front: 'ID front',
        back: 'ID back',
        hand: 'Holding the ID',
        queue: 'Queue',
        queueSync: 'Queue and sync',
        help: 'Help',
      },
      describe: {
        next: 'Moves to the next required field still empty; fields the ID number, the MRZ or the account QR filled are skipped',
        front: 'Takes the next file in the scanner folder; with none there, opens the camera',
        back: 'The same, for the back of the ID',
        hand: 'The same, for the photo of the customer holding the ID',
        queue: 'Queues the applicant once every check passes; sync follows later',
        queueSync: 'Queues the applicant and syncs at once',
        help: 'Opens this Help (press F1 while typing in a field)',
      },
    },
  },
)
