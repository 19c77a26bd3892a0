import type { Migration } from '../migrate'
import { initial } from './001-initial'

/** In order; append only. Never edit a migration that has shipped: add the next one. */
export const migrations: readonly Migration[] = [initial]
