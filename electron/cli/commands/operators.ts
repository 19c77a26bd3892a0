import { parseArgs } from 'node:util'
import { z } from 'zod'
import { operatorRoles } from '../../../shared/domain/operators'
import { KycError } from '../../core/errors/kyc-error'
import { OperatorAdmin } from '../../core/operators/operator-admin'
import type { KycStore } from '../../core/queue/store'
import { exitCodes, UsageError, type CliIo } from '../io'
import { cliLocale, sayIn, wordReason, type Say } from '../words'
import { dbFileFrom, locationHelp } from './data-location'
import { openCliStore } from './open-cli-store'

export const operatorsHelp = `Usage: kyc-desk operators list|add|disable|enable|reset-pin --data DIR|--db FILE [options]

For IT: the branch's operators, with the same rules as the app's Operators screen (never leave no
active admin). A new operator, or one whose PIN is reset, gets a temporary PIN printed once: it
works for one sign-in, which must choose a new PIN.

  list                        every operator, with role and state
  add --name NAME [--role admin|operator]   (the first operator is always an admin)
  disable --name NAME | enable --name NAME | reset-pin --name NAME
${locationHelp}
  --key-file FILE             key file, when KYC_DESK_KEY is not set and init's key file is elsewhere
`

const actions = ['list', 'add', 'disable', 'enable', 'reset-pin'] as const
const flagsSchema = z.object({
  action: z.enum(actions, 'the action must be list, add, disable, enable or reset-pin'),
  db: z.string().min(1, '--data DIR or --db FILE is required'),
  name: z.string().trim().min(1).max(40).optional(),
  role: z.enum(operatorRoles).optional(),
  keyFile: z.string().min(1).optional(),
})
type Flags = z.infer<typeof flagsSchema>

function parseFlags(argv: readonly string[]): Flags | null {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        db: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        'key-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${operatorsHelp}`)
  }
  const { values, positionals } = parsed
  if (values.help) return null
  const flags = flagsSchema.safeParse({ action: positionals[0], db: dbFileFrom(values), name: values.name, role: values.role, keyFile: values['key-file'] })
  if (!flags.success) throw new UsageError(`${flags.error.issues[0]?.message ?? 'invalid flags'}\n\n${operatorsHelp}`)
  if (flags.data.action !== 'list' && !flags.data.name) throw new UsageError(`${flags.data.action} needs --name NAME\n\n${operatorsHelp}`)
  return flags.data
}

function byName(store: KycStore, name: string, say: Say): string {
  const operator = store.operators.getByName(name)
  if (!operator) throw new UsageError(say('operators.notFound', { name }))
  return operator.id
}

/** The list stays in codes, one operator a line, for IT's scripts; what was done is said in the operator's language. */
async function act(flags: Flags, store: KycStore, io: CliIo): Promise<void> {
  const say = sayIn(cliLocale(io.env))
  // IT at the machine, holding the data key: acts as an admin, recorded with no operator.
  const admin = new OperatorAdmin({ operators: store.operators, requireAdmin: () => ({ id: null }), audit: store.events, clock: Date.now })
  const name = flags.name ?? ''
  switch (flags.action) {
    case 'list':
      for (const o of admin.list()) {
        io.stdout.write(`${o.name}\t${o.role}\t${o.disabledAt === null ? 'active' : 'disabled'}\t${o.pinState}\n`)
      }
      return
    case 'add': {
      const first = store.operators.list().length === 0
      const { operator, temporaryPin } = await admin.add(name, first ? 'admin' : (flags.role ?? 'operator'))
      io.stdout.write(`${say('operators.added', { name: operator.name, role: say(`operators.role.${operator.role}`), pin: temporaryPin })}\n`)
      return
    }
    case 'disable':
      admin.disable(byName(store, name, say))
      io.stdout.write(`${say('operators.disabled', { name })}\n`)
      return
    case 'enable':
      admin.enable(byName(store, name, say))
      io.stdout.write(`${say('operators.enabled', { name })}\n`)
      return
    case 'reset-pin': {
      const { temporaryPin } = await admin.resetPin(byName(store, name, say))
      io.stdout.write(`${say('operators.pinReset', { name, pin: temporaryPin })}\n`)
      return
    }
  }
}

/** `kyc-desk operators`: the Operators screen's actions for IT, on a folder the command line can open. */
export async function runOperators(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv)
  if (!flags) {
    io.stdout.write(operatorsHelp)
    return exitCodes.ok
  }
  const store = await openCliStore(flags.db, io.env, flags.keyFile)
  try {
    await act(flags, store, io)
    return exitCodes.ok
  } catch (error) {
    // The core's refusals (the last admin, a taken name) are the operator's to read, not a crash.
    if (error instanceof KycError) {
      io.stderr.write(`kyc-desk operators: ${error.reason ? wordReason(error.reason, cliLocale(io.env)) : error.message}\n`)
      return exitCodes.someFailed
    }
    throw error
  } finally {
    store.close()
  }
}
