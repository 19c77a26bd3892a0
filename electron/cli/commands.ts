import type { CliIo } from './io'

export interface CliCommand {
  readonly name: string
  readonly summary: string
  run(argv: readonly string[], io: CliIo): Promise<number>
}

/** Every command; each loads its code only when it runs, so `--help` stays instant. */
export const commands: readonly CliCommand[] = []
