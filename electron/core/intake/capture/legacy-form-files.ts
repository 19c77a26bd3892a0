import { readdir, readFile, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { captureFormSchema } from '../../../../shared/contract/intake'
import { isCode } from '../../vault/atomic-write'
import type { KycStore } from '../../queue/store'

const FIELD = 'capture-form'
const SUFFIX = '.form'
const idPattern = /^[0-9a-z-]{8,64}$/i

/**
 * Before 0.1's draft column, a half-typed capture form lived in a sealed file per draft under
 * `dir`. At start-up each one still there moves into its draft's row (unless the row has a form
 * already) and the file goes, so a draft lives in one place; forms of applicants no longer drafts
 * just go. Returns how many moved.
 */
export async function adoptLegacyFormFiles(dir: string, store: Pick<KycStore, 'applicants' | 'fields'>): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 0
    throw error
  }
  let adopted = 0
  for (const name of names) {
    const id = name.endsWith(SUFFIX) ? name.slice(0, -SUFFIX.length) : null
    if (id === null || !idPattern.test(id)) continue
    const file = join(dir, name)
    if (store.applicants.get(id)?.stage === 'draft' && store.applicants.captureForm(id) === null) {
      const form = store.fields.openJson(await readFile(file), { applicantId: id, field: FIELD }, captureFormSchema)
      const result = await store.applicants.update(id, { captureForm: form }, null)
      if (result.ok) adopted++
    }
    await rm(file, { force: true })
  }
  await rmdir(dir).catch(() => undefined)
  return adopted
}
