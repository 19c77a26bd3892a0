/** What a command needs from its surroundings, so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream
  readonly stderr: NodeJS.WritableStream
  readonly env: NodeJS.ProcessEnv
}

/** Exit codes every command shares. */
export const exitCodes = { ok: 0, someFailed: 1, usage: 2 } as const
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

export class UsageError extends Error {
  override readonly name = 'UsageError'
}
