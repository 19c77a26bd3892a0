export type { KeyProvider, KeyProviderDescription } from '../ports'
