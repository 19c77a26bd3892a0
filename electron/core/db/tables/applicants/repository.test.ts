import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../connection'
import { newSortableId } from '../../ids'
import { ApplicantsRepository } from './repository'

let dir: string
let db: Db
let repo: ApplicantsRepository

function insertDraft(consent: { version: string; at: number } | null = null): string {
  const id = newSortableId()
  repo.insert({
    id,
    reference: id.slice(-8),
    label: null,
    documentType: 'id_card',
    country: 'CHN',
    language: null,
    livenessAuto: false,
    consent,
    identityEnc: randomBytes(32),
    bindingEnc: randomBytes(32),
    bindingAt: 1,
    status: 'draft',
    operatorId: null,
    createdAt: 1,
    capturedAt: 1,
    environment: 'training',
  })
  return id
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-applicants-'))
  db = openDatabase({ file: join(dir, 'q.sqlite') })
  repo = new ApplicantsRepository(db)
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('countsByStatus, kept between writes', () => {
  it('follows every write on this connection, and hands out copies', () => {
    expect(repo.countsByStatus().draft).toBe(0)
    const id = insertDraft()
    const counts = repo.countsByStatus()
    expect(counts.draft).toBe(1)
    counts.draft = 99
    expect(repo.countsByStatus().draft).toBe(1)
    repo.setDerived(id, 'queued', null, 2)
    expect(repo.countsByStatus()).toMatchObject({ draft: 0, queued: 1 })
  })

  it('follows commits by another connection (the command line)', () => {
    const id = insertDraft()
    expect(repo.countsByStatus().draft).toBe(1)
    const other = new Database(join(dir, 'q.sqlite'))
    other.prepare(`UPDATE applicants SET status = 'queued' WHERE id = ?`).run(id)
    other.close()
    expect(repo.countsByStatus()).toMatchObject({ draft: 0, queued: 1 })
  })

  it('does not keep a count taken inside a transaction that rolls back', () => {
    expect(() =>
      db.transaction(() => {
        insertDraft()
        expect(repo.countsByStatus().draft).toBe(1)
        throw new Error('roll back')
      })(),
    ).toThrow('roll back')
    expect(repo.countsByStatus().draft).toBe(0)
  })
})

describe('doneSince, the sync bar\'s batch', () => {
  it('counts applicants queued since the moment that the platform now holds, not older ones or unfinished ones', () => {
    const consent = { version: 'v1', at: 1 }
    const [yesterday, today, unfinished] = [insertDraft(consent), insertDraft(consent), insertDraft(consent)]
    repo.setQueued(yesterday, 500)
    repo.setQueued(today, 1_500)
    repo.setQueued(unfinished, 1_600)
    repo.setDerived(yesterday, 'verified', null, 2)
    repo.setDerived(today, 'liveness-pending', null, 2)
    repo.setDerived(unfinished, 'waiting-retry', null, 2)
    expect(repo.doneSince(1_000)).toBe(1)
    expect(repo.doneSince(0)).toBe(2)
  })
})
