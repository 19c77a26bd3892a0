import type { Migration } from '../migrate'
import { initial } from './001-initial'
import { statusCounts } from './002-status-counts'
import { imageDigests } from './003-image-digests'
import { contentRevision } from './004-content-revision'
import { rolesAndEnvironments } from './005-roles-and-environments'
import { operatorLanguage } from './006-operator-language'
import { captureForm } from './007-capture-form'
import { newAccountQr } from './008-new-account-qr'
import { dropContentRevision } from './009-drop-content-revision'
import { stepErrorReason } from './010-step-error-reason'

/** In order; append only. Never edit a migration that has shipped: add the next one. */
export const migrations: readonly Migration[] = [initial, statusCounts, imageDigests, contentRevision, rolesAndEnvironments, operatorLanguage, captureForm, newAccountQr, dropContentRevision, stepErrorReason]
