import { z } from 'zod'
import { operatorRoles, pinStates, uiLanguages, type OperatorRole, type PinState, type UiLanguage } from '../../../../../shared/domain/operators'
import { inTransaction, type Db } from '../../connection'
import { newSortableId } from '../../ids'
import { parseJsonColumn } from '../../json'
import { hashPin, scryptParamsSchema, verifyPin, wrapPlainHash, type PinKeys } from './pin-hash'
import * as sql from './statements'

export interface Operator {
  readonly id: string
  readonly name: string
  readonly role: OperatorRole
  /** `temporary`: an admin set it and it must be changed at the next sign-in; `temporary-used`: it was. */
  readonly pinState: PinState
  readonly createdAt: number
  readonly disabledAt: number | null
  /** Their interface language, applied at sign-in; null follows the machine's setting. */
  readonly language: UiLanguage | null
}

const operatorRow = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(operatorRoles),
  pin_state: z.enum(pinStates),
  created_at: z.number().int(),
  disabled_at: z.number().int().nullable(),
  language: z.enum(uiLanguages).nullable(),
})
const credentialRow = operatorRow.extend({
  pin_hash: z.instanceof(Buffer),
  pin_salt: z.instanceof(Buffer),
  pin_params: z.string(),
})
const failuresRow = z.object({ count: z.number().int(), last_failed_at: z.number().int() })

function toOperator(r: z.infer<typeof operatorRow>): Operator {
  return { id: r.id, name: r.name, role: r.role, pinState: r.pin_state, createdAt: r.created_at, disabledAt: r.disabled_at, language: r.language }
}

/** A PIN as stored: its peppered scrypt hash, salt and parameters (never the PIN). */
export type PinHash = Awaited<ReturnType<typeof hashPin>>

export interface FailureRecord {
  readonly count: number
  readonly lastFailedAt: number
}

/** Local operators with a peppered scrypt-hashed PIN; sign-in, idle lock and attempt limits live above. */
export class OperatorsRepository {
  private readonly s

  constructor(
    private readonly db: Db,
    private readonly keys: PinKeys,
  ) {
    this.s = {
      insert: db.prepare(sql.insert),
      get: db.prepare(sql.get),
      getByName: db.prepare(sql.getByName),
      list: db.prepare(sql.list),
      setPin: db.prepare(sql.setPin),
      setPinState: db.prepare(sql.setPinState),
      setRole: db.prepare(sql.setRole),
      setLanguage: db.prepare(sql.setLanguage),
      disable: db.prepare(sql.disable),
      enable: db.prepare(sql.enable),
      countActiveAdmins: db.prepare(sql.countActiveAdmins).pluck(),
      listPlainHashes: db.prepare(sql.listPlainHashes),
      replaceHash: db.prepare(sql.replaceHash),
      getFailures: db.prepare(sql.getFailures),
      putFailures: db.prepare(sql.putFailures),
      clearFailures: db.prepare(sql.clearFailures),
    }
  }

  async create(name: string, pin: string, at: number, options: { role?: OperatorRole; pinState?: PinState } = {}): Promise<Operator> {
    return this.insert(name, await this.hashNewPin(pin), at, options)
  }

  /**
   * A PIN hashed to be stored. Hashing is slow and asynchronous, so it happens before the
   * transaction that stores it (`insert`, `putPin`) with the checks and audit events it goes with.
   */
  hashNewPin(pin: string): Promise<PinHash> {
    return hashPin(pin, this.keys)
  }

  insert(name: string, pin: PinHash, at: number, options: { role?: OperatorRole; pinState?: PinState } = {}): Operator {
    const id = newSortableId(at)
    const role = options.role ?? 'operator'
    const pinState = options.pinState ?? 'set'
    this.s.insert.run({ id, name, role, pin_state: pinState, pin_hash: pin.hash, pin_salt: pin.salt, pin_params: JSON.stringify(pin.params), created_at: at })
    return { id, name, role, pinState, createdAt: at, disabledAt: null, language: null }
  }

  get(id: string): Operator | undefined {
    const row = this.s.get.get(id)
    return row === undefined ? undefined : toOperator(operatorRow.parse(row))
  }

  getByName(name: string): Operator | undefined {
    const row = this.s.getByName.get(name)
    return row === undefined ? undefined : toOperator(operatorRow.parse(row))
  }

  list(): Operator[] {
    return this.s.list.all().map((r) => toOperator(operatorRow.parse(r)))
  }

  /**
   * False for an unknown or disabled operator as well as a wrong PIN: callers cannot tell which.
   * A right PIN under an older scheme is rehashed with the pepper on the spot.
   */
  async verifyPin(id: string, pin: string): Promise<boolean> {
    const raw = this.s.get.get(id)
    if (raw === undefined) return false
    const row = credentialRow.parse(raw)
    const params = parseJsonColumn(row.pin_params, scryptParamsSchema)
    const ok = await verifyPin(pin, { hash: row.pin_hash, salt: row.pin_salt, params }, this.keys)
    if (ok && params.scheme !== 'peppered') await this.setPin(id, pin, row.pin_state)
    return ok && row.disabled_at === null
  }

  async setPin(id: string, pin: string, pinState: PinState = 'set'): Promise<void> {
    this.putPin(id, await this.hashNewPin(pin), pinState)
  }

  putPin(id: string, pin: PinHash, pinState: PinState): void {
    this.s.setPin.run({ id, pin_hash: pin.hash, pin_salt: pin.salt, pin_params: JSON.stringify(pin.params), pin_state: pinState })
  }

  /** Moves the PIN state only from `from`: a temporary PIN is spent once, even by racing sign-ins. */
  swapPinState(id: string, from: PinState, to: PinState): boolean {
    return this.s.setPinState.run(to, id, from).changes > 0
  }

  setLanguage(id: string, language: UiLanguage): boolean {
    return this.s.setLanguage.run(language, id).changes > 0
  }

  setRole(id: string, role: OperatorRole): boolean {
    return this.s.setRole.run(role, id).changes > 0
  }

  disable(id: string, at: number): boolean {
    return this.s.disable.run(at, id).changes > 0
  }

  enable(id: string): boolean {
    return this.s.enable.run(id).changes > 0
  }

  activeAdminCount(): number {
    return z.number().int().parse(this.s.countActiveAdmins.get())
  }

  /** Runs `body` in one immediate transaction (a check and the change it guards). */
  inTransaction<T>(body: () => T): T {
    return inTransaction(this.db, body)
  }

  /**
   * Hashes from before the pepper are sealed under the data key at once (no PIN needed), so no
   * hash in the file can be tested without the key; sign-in later rehashes each as `peppered`.
   */
  wrapPlainHashes(): number {
    const rows = z.array(z.object({ id: z.string(), pin_hash: z.instanceof(Buffer), pin_params: z.string() })).parse(this.s.listPlainHashes.all())
    this.inTransaction(() => {
      for (const row of rows) {
        const params = parseJsonColumn(row.pin_params, scryptParamsSchema)
        this.s.replaceHash.run(wrapPlainHash(row.pin_hash, this.keys), JSON.stringify({ ...params, scheme: 'wrapped' }), row.id)
      }
    })
    return rows.length
  }

  failures(subject: string): FailureRecord | null {
    const row = this.s.getFailures.get(subject)
    if (row === undefined) return null
    const parsed = failuresRow.parse(row)
    return { count: parsed.count, lastFailedAt: parsed.last_failed_at }
  }

  putFailures(subject: string, record: FailureRecord): void {
    this.s.putFailures.run({ subject, count: record.count, at: record.lastFailedAt })
  }

  clearFailures(subject: string): void {
    this.s.clearFailures.run(subject)
  }
}
