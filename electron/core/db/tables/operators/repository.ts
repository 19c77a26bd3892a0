import { z } from 'zod'
import type { Db } from '../../connection'
import { newSortableId } from '../../ids'
import { parseJsonColumn } from '../../json'
import { hashPin, scryptParamsSchema, verifyPin } from './pin-hash'
import * as sql from './statements'

export interface Operator {
  readonly id: string
  readonly name: string
  readonly createdAt: number
  readonly disabledAt: number | null
}

const operatorRow = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.number().int(),
  disabled_at: z.number().int().nullable(),
})
const credentialRow = operatorRow.extend({
  pin_hash: z.instanceof(Buffer),
  pin_salt: z.instanceof(Buffer),
  pin_params: z.string(),
})

function toOperator(r: z.infer<typeof operatorRow>): Operator {
  return { id: r.id, name: r.name, createdAt: r.created_at, disabledAt: r.disabled_at }
}

/** Local operators with a scrypt-hashed PIN; sign-in, idle lock and attempt limits live above. */
export class OperatorsRepository {
  private readonly s

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(sql.insert),
      get: db.prepare(sql.get),
      list: db.prepare(sql.list),
      setPin: db.prepare(sql.setPin),
      disable: db.prepare(sql.disable),
    }
  }

  async create(name: string, pin: string, at: number): Promise<Operator> {
    const { hash, salt, params } = await hashPin(pin)
    const id = newSortableId(at)
    this.s.insert.run({ id, name, pin_hash: hash, pin_salt: salt, pin_params: JSON.stringify(params), created_at: at })
    return { id, name, createdAt: at, disabledAt: null }
  }

  get(id: string): Operator | undefined {
    const row = this.s.get.get(id)
    return row === undefined ? undefined : toOperator(operatorRow.parse(row))
  }

  list(): Operator[] {
    return this.s.list.all().map((r) => toOperator(operatorRow.parse(r)))
  }

  /** False for an unknown or disabled operator as well as a wrong PIN: callers cannot tell which. */
  async verifyPin(id: string, pin: string): Promise<boolean> {
    const raw = this.s.get.get(id)
    if (raw === undefined) return false
    const row = credentialRow.parse(raw)
    const params = parseJsonColumn(row.pin_params, scryptParamsSchema)
    const ok = await verifyPin(pin, { hash: row.pin_hash, salt: row.pin_salt, params })
    return ok && row.disabled_at === null
  }

  async setPin(id: string, pin: string): Promise<void> {
    const { hash, salt, params } = await hashPin(pin)
    this.s.setPin.run(hash, salt, JSON.stringify(params), id)
  }

  disable(id: string, at: number): boolean {
    return this.s.disable.run(at, id).changes > 0
  }
}
