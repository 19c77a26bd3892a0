import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { BackupRefusalCode } from '../../../shared/domain/backup'
import { UsageError, type CliIo } from '../io'
import { cliLocale, sayIn, wordReason } from '../words'

export const PASSPHRASE_ENV_VARIABLE = 'KYC_DESK_BACKUP_PASSPHRASE'

export const passphraseHelp = `  --passphrase-file F   read the passphrase from the first line of F (for IT scripts; a leading
                        BOM and the line end are dropped, spaces are kept as part of it); or set
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

/**
 * The first line of a passphrase file. Editors add a UTF-8 BOM (Notepad) and a line end, LF or
 * CRLF, that nobody means as part of it; spaces may be, so they are kept.
 */
export function passphraseFromFileText(text: string): string {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? ''
}

/** The passphrase from a file, the environment, or the terminal (asked twice when `confirm`). */
export async function readPassphrase(
  io: CliIo,
  file: string | undefined,
  options: { confirm: boolean; terminal?: Terminal },
): Promise<string> {
  const refusal = (code: BackupRefusalCode, params: Record<string, string> = {}) => new UsageError(wordReason({ key: `backup.${code}`, params }, cliLocale(io.env)))
  if (file !== undefined) {
    const text = await readFile(resolve(file), 'utf8').catch((error: unknown) => {
      throw refusal('passphraseFileUnreadable', { file, detail: error instanceof Error ? error.message : String(error) })
    })
    return passphraseFromFileText(text)
  }
  const fromEnv = io.env[PASSPHRASE_ENV_VARIABLE]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  const input = options.terminal ?? process.stdin
  if (!input.isTTY) throw refusal('noPassphrase', { variable: PASSPHRASE_ENV_VARIABLE })
  const cancelled = refusal('cancelled')
  const say = sayIn(cliLocale(io.env))
  const first = await promptHidden(input, io.stderr, say('passphrase.prompt'), cancelled)
  if (!options.confirm) return first
  const second = await promptHidden(input, io.stderr, say('passphrase.again'), cancelled)
  if (first !== second) throw refusal('passphrasesDiffer')
  return first
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(input: Terminal, output: NodeJS.WritableStream, question: string, cancelled: UsageError): Promise<string> {
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
          reject(cancelled)
          return
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1)
        else typed.push(character)
      }
    }
    input.on('data', onData)
  })
}
