import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { readPassphrase, refusePassphraseArgument, type Terminal } from './passphrase-input'

function fakeTerminal(keystrokes: readonly string[], isTTY = true) {
  const emitter = new EventEmitter()
  const raw: boolean[] = []
  const terminal = {
    isTTY,
    setRawMode: (mode: boolean) => {
      raw.push(mode)
      return terminal
    },
    setEncoding: () => terminal,
    resume: () => {
      // Each prompt takes the next keystrokes once it listens.
      queueMicrotask(() => emitter.emit('data', keystrokes[raw.filter(Boolean).length - 1] ?? ''))
      return terminal
    },
    pause: () => terminal,
    on: (event: string, listener: (chunk: string) => void) => {
      emitter.on(event, listener)
      return terminal
    },
    off: (event: string, listener: (chunk: string) => void) => {
      emitter.off(event, listener)
      return terminal
    },
  }
  return { terminal: terminal as unknown as Terminal, raw }
}

function io(env: NodeJS.ProcessEnv = {}) {
  let shown = ''
  const stderr = new Writable({
    write(chunk: Buffer, _e, done) {
      shown += chunk.toString()
      done()
    },
  })
  return { io: { stdout: stderr, stderr, env }, shown: () => shown }
}

const dir = mkdtempSync(join(tmpdir(), 'kyc-passphrase-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the backup passphrase', () => {
  it('is never taken as an argument', () => {
    expect(() => refusePassphraseArgument(['--data', 'x', '--passphrase=secret words'])).toThrow(/never given as an argument/)
    expect(() => refusePassphraseArgument(['--passphrase', 'x'])).toThrow(/never given as an argument/)
    expect(() => refusePassphraseArgument(['--passphrase-file', 'x'])).not.toThrow()
  })

  it('comes from the first line of a file, else the environment', async () => {
    const file = join(dir, 'p.txt')
    writeFileSync(file, 'line one words\r\nline two\n')
    expect(await readPassphrase(io().io, file, { confirm: true })).toBe('line one words')
    expect(await readPassphrase(io({ KYC_DESK_BACKUP_PASSPHRASE: 'from the environment' }).io, undefined, { confirm: true })).toBe('from the environment')
  })

  it('is typed twice on a terminal, unechoed, with backspace', async () => {
    const { terminal, raw } = fakeTerminal(['branch 7 movx\u007fes\r', 'branch 7 moves\r'])
    const out = io()
    expect(await readPassphrase(out.io, undefined, { confirm: true, terminal })).toBe('branch 7 moves')
    expect(out.shown()).not.toContain('branch')
    expect(out.shown()).toBe('Backup passphrase: \nAgain: \n')
    expect(raw).toEqual([true, false, true, false])
    const zh = io({ LANG: 'zh_CN.UTF-8' })
    expect(await readPassphrase(zh.io, undefined, { confirm: true, terminal: fakeTerminal(['branch 7 moves\r', 'branch 7 moves\r']).terminal })).toBe('branch 7 moves')
    expect(zh.shown()).toBe('备份密码：\n再次输入：\n')
  })

  it('refuses two different entries, and no terminal at all', async () => {
    const { terminal } = fakeTerminal(['one passphrase here\r', 'another one here\r'])
    await expect(readPassphrase(io().io, undefined, { confirm: true, terminal })).rejects.toThrow(/differ/)
    await expect(readPassphrase(io().io, undefined, { confirm: false, terminal: fakeTerminal([], false).terminal })).rejects.toThrow(/^No passphrase: run this on a terminal/)
  })

  it('drops a BOM and the line end of a file (CRLF too), but keeps spaces', async () => {
    const file = join(dir, 'notepad.txt')
    writeFileSync(file, '\uFEFF  branch 7 moves \r\n')
    expect(await readPassphrase(io().io, file, { confirm: false })).toBe('  branch 7 moves ')
    writeFileSync(file, '\uFEFFbranch 7 moves\n')
    expect(await readPassphrase(io().io, file, { confirm: false })).toBe('branch 7 moves')
    writeFileSync(file, 'no line end at all')
    expect(await readPassphrase(io().io, file, { confirm: false })).toBe('no line end at all')
  })

  it('says what went wrong in the operator language', async () => {
    const zh = { LANG: 'zh_CN.UTF-8' }
    await expect(readPassphrase(io(zh).io, join(dir, 'absent.txt'), { confirm: false })).rejects.toThrow(/^无法读取密码文件 .*absent\.txt（ENOENT/)
    await expect(readPassphrase(io(zh).io, undefined, { confirm: false, terminal: fakeTerminal([], false).terminal })).rejects.toThrow(/^没有备份密码：/)
    await expect(readPassphrase(io(zh).io, undefined, { confirm: true, terminal: fakeTerminal(['one passphrase here\r', 'another one here\r']).terminal })).rejects.toThrow(
      /^两次输入的备份密码不一致$/,
    )
    await expect(readPassphrase(io(zh).io, undefined, { confirm: false, terminal: fakeTerminal(['branch\u0003']).terminal })).rejects.toThrow(/^已取消$/)
    await expect(readPassphrase(io().io, undefined, { confirm: false, terminal: fakeTerminal(['branch\u0003']).terminal })).rejects.toThrow(/^Cancelled$/)
    await expect(readPassphrase(io().io, join(dir, 'absent.txt'), { confirm: false })).rejects.toThrow(/^Cannot read the passphrase file .*absent\.txt \(ENOENT/)
  })
})
