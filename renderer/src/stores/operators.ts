import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError, OperatorRecord } from '../../../shared/contract'
import type { OperatorRole } from '../../../shared/domain/operators'
import { call, errorOf } from '../api/kyc'

/** A temporary PIN to read out once; it is dropped when the admin closes it. */
export interface RevealedPin {
  readonly name: string
  readonly pin: string
}

/** The admin's Operators screen: the list, and each action's refusal as a typed error. */
export const useOperatorsStore = defineStore('operators', () => {
  const operators = ref<OperatorRecord[]>([])
  const error = ref<IpcError | null>(null)
  const busy = ref(false)
  const revealed = ref<RevealedPin | null>(null)

  async function run(action: () => Promise<void>): Promise<boolean> {
    busy.value = true
    try {
      await action()
      error.value = null
      return true
    } catch (thrown) {
      error.value = errorOf(thrown)
      return false
    } finally {
      busy.value = false
    }
  }

  const reload = async () => {
    operators.value = (await call('operators:list', {})).operators
  }
  const load = () => run(reload)
  const add = (name: string, role: OperatorRole) =>
    run(async () => {
      const { operator, temporaryPin } = await call('operators:add', { name, role })
      revealed.value = { name: operator.name, pin: temporaryPin }
      await reload()
    })
  const resetPin = (operator: OperatorRecord) =>
    run(async () => {
      const { temporaryPin } = await call('operators:reset-pin', { operatorId: operator.id })
      revealed.value = { name: operator.name, pin: temporaryPin }
      await reload()
    })
  /** One change, then the list as the core now has it. */
  const change = (action: () => Promise<unknown>) =>
    run(async () => {
      await action()
      await reload()
    })
  const disable = (operatorId: string) => change(() => call('operators:disable', { operatorId }))
  const enable = (operatorId: string) => change(() => call('operators:enable', { operatorId }))
  const setRole = (operatorId: string, role: OperatorRole) => change(() => call('operators:set-role', { operatorId, role }))
  const forgetPin = () => {
    revealed.value = null
  }

  return { operators, error, busy, revealed, load, add, resetPin, disable, enable, setRole, forgetPin }
})
