import { describe, expect, it } from 'vitest'
import { ApplicantRowError, parseApplicantRow, parseApplicantSummaryRow, parseApplicantSyncState } from './rows'

const good = {
  id: 'a1',
  reference: '20260101-0001',
  label: '王* ····1234',
  document_type: 'id_card',
  country: 'CHN',
  language: null,
  queued: 1,
  status: 'queued',
  due_at: 5,
  liveness_auto: 0,
  liveness_requested_at: null,
  operator_id: null,
  consent_version: 'v1',
  consent_at: 3,
  created_at: 1,
  updated_at: 2,
  captured_at: 1,
  queued_at: 4,
  purged_at: null,
  environment: 'training',
  binding_at: null,
  identity_enc: Buffer.from([1, 2]),
  binding_enc: null,
  operator_name: 'Li Na',
}

describe('applicant rows', () => {
  it('map every column to the domain names', () => {
    expect(parseApplicantRow(good)).toMatchObject({
      id: 'a1',
      documentType: 'id_card',
      queued: true,
      livenessAuto: false,
      consent: { version: 'v1', at: 3 },
      queuedAt: 4,
      identityEnc: Buffer.from([1, 2]),
      bindingEnc: null,
    })
    expect(parseApplicantSummaryRow(good)).toMatchObject({ operatorName: 'Li Na', status: 'queued' })
    expect(parseApplicantSyncState(good)).toEqual({ queued: true, status: 'queued', queuedAt: 4, livenessAuto: false, livenessRequestedAt: null, purgedAt: null, environment: 'training' })
  })

  it.each([
    ['status', 'done'],
    ['queued', 2],
    ['document_type', 'visa'],
    ['language', 'fr_FR'],
    ['created_at', 1.5],
    ['label', 7],
    ['identity_enc', 'not a blob'],
  ])('refuse a row whose %s is %j, naming the column', (column, value) => {
    expect(() => parseApplicantRow({ ...good, [column]: value })).toThrow(new ApplicantRowError(`an applicants row does not have the expected shape (applicant a1, column ${column})`))
  })

  it('refuse something that is not a row at all', () => {
    expect(() => parseApplicantSyncState(undefined)).toThrow(ApplicantRowError)
  })
})
