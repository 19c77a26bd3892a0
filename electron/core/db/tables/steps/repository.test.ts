import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submissionSteps } from '../../../../../shared/domain/steps'
import { openDatabase, type Db } from '../../connection'
import { newSortableId } from '../../ids'
import { ApplicantsRepository } from '../applicants/repository'
import { StepRowError, StepsRepository } from './repository'

let dir: string
let db: Db
let steps: StepsRepository
let id: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-steps-'))
  db = openDatabase({ file: join(dir, 'q.sqlite') })
  steps = new StepsRepository(db)
  id = newSortableId()
  const applicants = new ApplicantsRepository(db)
  applicants.insert({
    id,
    reference: 'R1',
    label: null,
    documentType: 'id_card',
    country: 'CHN',
    language: null,
    livenessAuto: false,
    consent: { version: 'v1', at: 1 },
    identityEnc: randomBytes(32),
    bindingEnc: randomBytes(32),
    bindingAt: 1,
    status: 'draft',
    operatorId: null,
    createdAt: 1,
    capturedAt: 1,
    environment: 'training',
  })
  applicants.setQueued(id, 1)
  steps.insertPending(id, submissionSteps, 1)
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('step rows', () => {
  it('come back as snapshots, in order, with their error, one applicant or a page of them', () => {
    steps.update(id, { name: 'sts', state: 'pending', attempts: 2, nextAttemptAt: 50, updatedAt: 9, lastError: { kind: 'transient', code: 'HTTP_503', message: 'busy' } })
    const own = steps.forApplicant(id)
    expect(own.map((s) => s.name)).toEqual([...submissionSteps])
    expect(own[0]).toEqual({ name: 'sts', state: 'pending', attempts: 2, nextAttemptAt: 50, updatedAt: 9, lastError: { kind: 'transient', code: 'HTTP_503', message: 'busy' } })
    expect(own[1]).toMatchObject({ name: 'upload:front', lastError: null, nextAttemptAt: null })
    expect(steps.forApplicants([id, 'unknown']).get(id)).toEqual(own)
    expect(steps.forApplicants([id, 'unknown']).get('unknown')).toEqual([])
  })

  it('keep the reason an error of ours is worded by, and drop one that no longer parses rather than the step', () => {
    const reason = { key: 'stepError.platform.http', params: { status: 503 } }
    steps.update(id, { name: 'sts', state: 'pending', attempts: 1, nextAttemptAt: 50, updatedAt: 9, lastError: { kind: 'transient', code: 'HTTP_503', message: 'the platform answered HTTP 503', reason } })
    expect(steps.get(id, 'sts')?.lastError).toEqual({ kind: 'transient', code: 'HTTP_503', message: 'the platform answered HTTP 503', reason })
    db.prepare(`UPDATE applicant_steps SET error_reason = '{"key":3}' WHERE applicant_id = ? AND name = 'sts'`).run(id)
    expect(steps.get(id, 'sts')?.lastError).toEqual({ kind: 'transient', code: 'HTTP_503', message: 'the platform answered HTTP 503' })
    expect(() => db.prepare(`UPDATE applicant_steps SET error_reason = '{}' WHERE applicant_id = ? AND name = 'upload:back'`).run(id)).toThrow(/CHECK/)
  })

  it('that do not have the expected shape are refused, not passed on', () => {
    // The table's CHECKs keep such rows out; a file written without them must still not get through.
    db.pragma('ignore_check_constraints = ON')
    db.prepare(`UPDATE applicant_steps SET state = 'half-done' WHERE applicant_id = ? AND name = 'sts'`).run(id)
    expect(() => steps.forApplicant(id)).toThrow(StepRowError)
    expect(() => steps.forApplicants([id])).toThrow(StepRowError)
  })
})
