import type { ErrorReason } from '../contract/errors'
import type { ImportProblemView, ManifestProblemView } from '../contract/import'
import { wordBindingIssue, wordIdentityIssue } from './issue-words'
import type { WordReason, Words } from './word-reason'

/** A manifest column by its field's one name (shared/i18n/fields.ts); `isChina` is the mainland-document flag, `row` the whole row. */
function columnKey(column: string): string {
  if (column === 'row') return 'importColumn.row'
  return `field.${column === 'isChina' ? 'chineseMainland' : column}`
}

/**
 * Values that name manifest columns are worded as the column's name: `column` one field,
 * `columns` a comma-separated list of them (the header's spelling alongside, to find it).
 */
function withColumnNames(reason: ErrorReason, word: WordReason): ErrorReason {
  const params = { ...reason.params }
  if (typeof params['column'] === 'string') params['column'] = word({ key: columnKey(params['column']) })
  if (typeof params['columns'] === 'string') {
    const separator = word({ key: 'list.separator' })
    params['columns'] = params['columns']
      .split(',')
      .map((field) => word({ key: 'importColumn.named', params: { name: word({ key: columnKey(field) }), field } }))
      .join(separator)
  }
  return { key: reason.key, params }
}

export function wordManifestProblem(problem: ManifestProblemView, { word }: Words): string {
  return word(withColumnNames(problem.reason, word))
}

/** A row's problem as one sentence naming its column, e.g. "证件号码：…" / "Document number: …". */
export function wordImportProblem(problem: ImportProblemView, words: Words): string {
  const { word } = words
  switch (problem.words) {
    case 'identity':
      return wordIdentityIssue(problem.identity, words)
    case 'binding':
      return wordBindingIssue(problem.binding, words)
    case 'reason': {
      const verdict = word(withColumnNames(problem.reason, word))
      const text = problem.detail ? word({ key: 'list.withDetail', params: { text: verdict, detail: word(problem.detail) } }) : verdict
      return word({ key: 'list.labelled', params: { label: word({ key: columnKey(problem.field) }), text } })
    }
  }
}
