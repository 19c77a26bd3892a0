import type { CliIo } from './io'

export interface CliCommand {
  readonly name: string
  readonly summary: string
  run(argv: readonly string[], io: CliIo): Promise<number>
}

/** Every command; each loads its code only when it runs, so `--help` stays instant. */
export const commands: readonly CliCommand[] = [
  { name: 'init', summary: 'create a queue and its key file in a new data folder', run: async (argv, io) => (await import('./commands/init')).runInit(argv, io) },
  {
    name: 'operators',
    summary: 'list, add, disable, enable operators and reset PINs (for IT)',
    run: async (argv, io) => (await import('./commands/operators')).runOperators(argv, io),
  },
  {
    name: 'backup',
    summary: 'write an encrypted, passphrase-protected backup of a queue',
    run: async (argv, io) => (await import('./commands/backup')).runBackup(argv, io),
  },
  {
    name: 'restore',
    summary: 'restore a backup into a new data folder on this PC',
    run: async (argv, io) => (await import('./commands/restore')).runRestore(argv, io),
  },
  {
    name: 'sandbox',
    summary: 'run the local stand-in for the platform API and OSS (training, tests)',
    run: async (argv, io) => (await import('../../sandbox/cli')).runSandboxCommand([...argv], io),
  },
  { name: 'sync', summary: 'sync queued applicants with the platform and OSS', run: async (argv, io) => (await import('./commands/sync')).runSync(argv, io) },
  {
    name: 'import',
    summary: 'import applicants from a manifest (CSV or .xlsx) and a folder of images',
    run: async (argv, io) => (await import('./commands/import')).runImport(argv, io),
  },
  {
    name: 'serve',
    summary: 'run the app in your browser (the same core as the desktop app, on this computer)',
    run: async (argv, io) => (await import('./commands/serve')).runServe(argv, io),
  },
  { name: 'status', summary: "counts per status and each applicant's steps", run: async (argv, io) => (await import('./commands/status')).runStatus(argv, io) },
]
