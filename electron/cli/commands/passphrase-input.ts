import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError, type CliIo } from '../io'

export const PASSPHRASE_ENV_VARIABLE = 'KYC_DESK_BACKUP_PASSPHRASE'

export const passphraseHelp = `  --passphrase-file F   read the passphrase from the first line of F (for IT scripts); or set
                        ${PASSPHRASE_ENV_VARIABLE}; otherwise it is asked for, unechoed, on the terminal`

/**
 * A passphrase on the command line would sit in the process list and the shell's history for
 * anyone on the PC to read; only a file, the environment or the terminal are accepted.
 */
export function refusePassphraseArgument(argv: readonly string[]): void {
  if (argv.some((arg) => arg === '--passphrase' || arg.startsWith('--passphrase='))) {
    throw new UsageError(`a passphrase is never given as an argument (others on this PC could read it); use --passphrase-file F, ${PASSPHRASE_ENV_VARIABLE}, or the prompt`)
  }
}

/** What the prompt needs of the terminal (process.stdin; a fake in tests). */
export type Terminal = Pick<NodeJS.ReadStream, 'isTTY' | 'setRawMode' | 'setEncoding' | 'resume' | 'pause' | 'on' | 'off'>

/** The passphrase from a file, the environment, or the terminal (asked twice when `confirm`). */
export async function readPassphrase(
  io: CliIo,
  file: string | undefined,
  options: { confirm: boolean; terminal?: Terminal },
): Promise<string> {
  if (file !== undefined) {
    const text = await readFile(resolve(file), 'utf8').catch((error: unknown) => {
      throw new UsageError(`cannot read the passphrase file ${file}: ${(error as Error).message}`)
    })
    return text.split(/\r?\n/)[0] ?? ''
  }
  const fromEnv = io.env[PASSPHRASE_ENV_VARIABLE]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  const input = options.terminal ?? process.stdin
  if (!input.isTTY) throw new UsageError(`no passphrase: run this on a terminal, or use --passphrase-file F or ${PASSPHRASE_ENV_VARIABLE}`)
  const first = await promptHidden(input, io.stderr, 'Backup passphrase / 备份密码: ')
  if (!options.confirm) return first
  const second = await promptHidden(input, io.stderr, 'Again / 再次输入: ')
  if (first !== second) throw new UsageError('the two passphrases differ / 两次输入的密码不一致')
  return first
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(input: Terminal, output: NodeJS.WritableStream, question: string): Promise<string> {
  output.write(question)
  input.setRawMode(true)
  input.setEncoding('utf8')
  input.resume()
  return new Promise((resolveLine, reject) => {
    let typed: string[] = []
    const finish = () => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      output.write('\n')
    }
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish()
          resolveLine(typed.join(''))
          return
        }
        if (character === '\u0003' || character === '\u0004') {
          finish()
          reject(new UsageError('cancelled'))
          return
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1)
        else typed.push(character)
      }
    }
    input.on('data', onData)
  })
}
