import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { captureFormSchema, type CaptureForm } from '../../../../shared/contract/intake'
import { isCode, writeFileAtomic } from '../../vault/atomic-write'
import type { KycStore } from '../../queue/store'

const FIELD = 'capture-form'
const SUFFIX = '.form'
const idPattern = /^[0-9a-z-]{8,64}$/i

/**
 * The capture form while it is typed. The store keeps an identity only once it is complete, so a
 * half-typed one lives here: one file per draft, sealed under the data key and bound to the
 * applicant id, written atomically, so closing the app (or a crash) loses at most the last keystrokes.
 */
export class CaptureFormStore {
  constructor(
    private readonly dir: string,
    private readonly fields: KycStore['fields'],
  ) {}

  async save(applicantId: string, form: CaptureForm): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
    const sealed = this.fields.sealJson(form, { applicantId, field: FIELD })
    await writeFileAtomic(this.pathFor(applicantId), sealed)
  }

  /** Null when there is none (a draft made by batch import, or one whose form was never typed). */
  async load(applicantId: string): Promise<CaptureForm | null> {
    let sealed: Buffer
    try {
      sealed = await readFile(this.pathFor(applicantId))
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null
      throw error
    }
    return this.fields.openJson(sealed, { applicantId, field: FIELD }, captureFormSchema)
  }

  async remove(applicantId: string): Promise<void> {
    await rm(this.pathFor(applicantId), { force: true })
  }

  /** Removes the forms of applicants that are gone or no longer drafts (queued elsewhere, removed from the dashboard). */
  async sweep(isDraft: (applicantId: string) => boolean): Promise<number> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch (error) {
      if (isCode(error, 'ENOENT')) return 0
      throw error
    }
    let removed = 0
    for (const name of names) {
      const id = name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : null
      if (id === null || !idPattern.test(id) || isDraft(id)) continue
      await this.remove(id)
      removed++
    }
    return removed
  }

  private pathFor(applicantId: string): string {
    if (!idPattern.test(applicantId)) throw new Error('not an applicant id')
    return join(this.dir, `${applicantId}${SUFFIX}`)
  }
}
