import type { ErrorReason } from '../../../../shared/contract/errors'
import type { ManifestIssue, RowIssue } from './problems'

type Params = NonNullable<ErrorReason['params']>

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

/**
 * The import's own issue as a key with its values (shared/i18n/import-problems.ts): the code is
 * the key under `importProblem.`, sizes go in MB, and counts English must pluralise go as `n`.
 */
export function rowIssueReason(issue: RowIssue): ErrorReason {
  const key = `importProblem.${issue.code}`
  switch (issue.code) {
    case 'file.too-large':
      return { key, params: { name: issue.name, mb: mb(issue.bytes), maxMb: mb(issue.maxBytes) } }
    case 'cells.extra':
    case 'cells.missing':
      return { key, params: { n: issue.count, expected: issue.expected } }
    case 'commit.refused':
      return { key: `${key}.${issue.reason}` }
    default: {
      const { code: _code, ...params } = issue
      return Object.keys(params).length > 0 ? { key, params: params as Params } : { key }
    }
  }
}

export function manifestIssueReason(issue: ManifestIssue): ErrorReason {
  const key = `importProblem.${issue.code}`
  switch (issue.code) {
    case 'manifest.too-large':
      return { key, params: { mb: mb(issue.bytes), maxMb: mb(issue.maxBytes) } }
    case 'manifest.xlsx-inflates-too-much':
      return { key: `${key}.${issue.limit}`, params: issue.limit === 'part' ? { maxMb: mb(issue.maxBytes), part: issue.part } : { maxMb: mb(issue.maxBytes) } }
    case 'manifest.missing-columns':
      return { key, params: { columns: issue.fields.join(',') } }
    case 'manifest.duplicate-column':
      return { key, params: { first: issue.headers[0], second: issue.headers[1], column: issue.field } }
    default: {
      const { code: _code, ...params } = issue
      return Object.keys(params).length > 0 ? { key, params: params as Params } : { key }
    }
  }
}
