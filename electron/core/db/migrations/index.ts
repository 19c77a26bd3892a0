import type { Migration } from '../migrate'
import { initial } from './001-initial'
import { statusCounts } from './002-status-counts'
import { imageDigests } from './003-image-digests'
import { contentRevision } from './004-content-revision'
import { rolesAndEnvironments } from './005-roles-and-environments'
import { newAccountQr } from './006-new-account-qr'

/** In order; append only. Never edit a migration that has shipped: add the next one. */
export const migrations: readonly Migration[] = [initial, statusCounts, imageDigests, contentRevision, rolesAndEnvironments, newAccountQr]
