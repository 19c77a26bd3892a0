import { z } from 'zod'
import { parseTypedBinding } from '../../../shared/identity/account-binding'
import { resolveHeaders } from '../intake/import/fields'
import { readManifest } from '../intake/import/read-manifest'
import { cellText } from '../intake/import/cells'
import type { Logger } from '../log/logger'
import type { SandboxAdminClient } from './training-mode'

const createdOrExists = z.object({ uid: z.string() })

/**
 * Training mode should let an operator import the shipped example manifest and watch it sync:
 * its customers' accounts are opened in the sandbox (an account that exists already is fine).
 * Rows whose binding is deliberately wrong in the example stay wrong, as they should.
 */
export async function openExampleAccounts(admin: SandboxAdminClient, manifestPath: string, log: Logger): Promise<number> {
  const read = await readManifest(manifestPath)
  if (!read.ok) {
    log.warn('training.example-unreadable', { code: read.problem.code })
    return 0
  }
  // The import's own header rules, so Chinese headers (用户ID, 令牌) are found here too.
  const headers = resolveHeaders(read.table.header)
  if (!headers.ok) {
    log.warn('training.example-unreadable', { code: headers.problem.code })
    return 0
  }
  const { uid: uidColumn, token: tokenColumn } = headers.map.columns
  let opened = 0
  for (const row of read.table.rows) {
    const uid = row.cells[uidColumn]
    const token = row.cells[tokenColumn]
    const parsed = parseTypedBinding(uid ? cellText(uid) : '', token ? cellText(token) : '')
    if (!parsed.ok) continue
    const response = await admin.fetch('/users', { method: 'POST', body: JSON.stringify(parsed.binding) })
    if (response.status === 201 && createdOrExists.safeParse(await response.json()).success) opened++
    else if (response.status !== 409) log.warn('training.example-account-refused', { status: response.status })
  }
  return opened
}
