import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError, OperatorStatus } from '../../../shared/contract'
import type { UiLanguage } from '../../../shared/domain/operators'
import { call, errorOf } from '../api/kyc'

/** Who is signed in at this counter; the rest of the app is shown only while someone is. */
export const useSessionStore = defineStore('session', () => {
  const status = ref<OperatorStatus | null>(null)
  const error = ref<IpcError | null>(null)
  const busy = ref(false)

  const signedIn = computed(() => status.value?.signedIn ?? null)
  const setupRequired = computed(() => status.value?.setupRequired ?? false)
  const isAdmin = computed(() => status.value?.signedIn?.role === 'admin')
  /** Signed in with a temporary PIN: nothing but the PIN change is shown. */
  const mustChangePin = computed(() => status.value?.signedIn?.mustChangePin ?? false)

  async function run(action: () => Promise<OperatorStatus>): Promise<boolean> {
    busy.value = true
    try {
      status.value = await action()
      error.value = null
      return true
    } catch (thrown) {
      error.value = errorOf(thrown)
      return false
    } finally {
      busy.value = false
    }
  }

  const load = () => run(() => call('operators:status', {}))
  const createOperator = (name: string, pin: string) => run(() => call('operators:create', { name, pin }))
  const signIn = (operatorId: string, pin: string) => run(() => call('operators:sign-in', { operatorId, pin }))
  const signOut = () => run(() => call('operators:sign-out', {}))
  const changePin = (currentPin: string, newPin: string) => run(() => call('operators:change-pin', { currentPin, newPin }))
  /** The signed-in operator's own language, kept with them and applied at their next sign-in. */
  const setLanguage = (language: UiLanguage) => run(() => call('operators:set-language', { language }))

  /**
   * The core locked the session (idle, disabled, or a call came back LOCKED): show the sign-in
   * screen at once, then its list afresh, so an operator just disabled is no longer offered.
   */
  function markLocked(): void {
    if (status.value) status.value = { ...status.value, signedIn: null }
    void load()
  }

  async function heartbeat(): Promise<void> {
    try {
      const { locksAt } = await call('operators:heartbeat', {})
      if (locksAt === null) markLocked()
    } catch {
      // A missed heartbeat only brings the idle lock closer.
    }
  }

  return { status, error, busy, signedIn, setupRequired, isAdmin, mustChangePin, load, createOperator, signIn, signOut, changePin, setLanguage, markLocked, heartbeat }
})
