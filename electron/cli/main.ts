import { parseArgs } from 'node:util'
import { commands } from './commands'
import { KycError } from '../core/errors/kyc-error'
import { exitCodes, UsageError, type CliIo } from './io'
import { packageVersion } from './package-version'
import { cliLocale, wordReason } from './words'

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'kyc-desk: the identity-verification desk, headless (for IT staff and automation)',
    '',
    'Usage: kyc-desk <command> [options]',
    '       kyc-desk --help | --version',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "kyc-desk <command> --help" for a command\'s options.',
    'Exit codes: 0 ok, 1 some items failed, 2 usage error.',
    '',
  ].join('\n')
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first.startsWith('-')) {
    let values: { help?: boolean; version?: boolean }
    try {
      values = parseArgs({ args: [...argv], options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } } }).values
    } catch (error) {
      io.stderr.write(`kyc-desk: ${(error as Error).message}\n\n${helpText()}`)
      return exitCodes.usage
    }
    if (values.version) {
      io.stdout.write(`${packageVersion()}\n`)
      return exitCodes.ok
    }
    if (values.help) {
      io.stdout.write(helpText())
      return exitCodes.ok
    }
    io.stderr.write(helpText())
    return exitCodes.usage
  }
  const command = commands.find((c) => c.name === first)
  if (!command) {
    io.stderr.write(`kyc-desk: unknown command "${first}"\n\n${helpText()}`)
    return exitCodes.usage
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`kyc-desk ${command.name}: ${error.message}\n`)
      return exitCodes.usage
    }
    // A refusal of the core, in the same words the screens use.
    if (error instanceof KycError && error.reason) {
      io.stderr.write(`kyc-desk ${command.name}: ${wordReason(error.reason, cliLocale(io.env))}\n`)
      return exitCodes.someFailed
    }
    throw error
  }
}
