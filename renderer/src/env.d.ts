/// <reference types="vite/client" />
import type { KycBridge } from '../../shared/contract/bridge'

declare global {
  interface Window {
    /** The typed bridge the preload exposes; the renderer's only way to the core. */
    readonly kyc: KycBridge
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

export {}
