import type { ErrorReason } from '../contract/errors'
import type { ImportProblemView, ManifestProblemView } from '../contract/import'
import { describeBindingIssue, describeIssue } from '../identity'
import type { MessageLocale } from './index'

/** Words one key with its values in the caller's language (vue-i18n on screen, the command line's own). */
export type WordReason = (reason: ErrorReason) => string

/**
 * Values that name manifest columns are worded as the column's name: `column` one field,
 * `columns` a comma-separated list of them (the header's spelling alongside, to find it).
 */
function withColumnNames(reason: ErrorReason, word: WordReason): ErrorReason {
  const params = { ...reason.params }
  if (typeof params['column'] === 'string') params['column'] = word({ key: `importColumn.${params['column']}` })
  if (typeof params['columns'] === 'string') {
    const separator = word({ key: 'importColumn.separator' })
    params['columns'] = params['columns']
      .split(',')
      .map((field) => word({ key: 'importColumn.named', params: { name: word({ key: `importColumn.${field}` }), field } }))
      .join(separator)
  }
  return { key: reason.key, params }
}

export function wordManifestProblem(problem: ManifestProblemView, word: WordReason): string {
  return word(withColumnNames(problem.reason, word))
}

/** A row's problem as one sentence naming its column, e.g. "证件号码：…" / "Document number: …". */
export function wordImportProblem(problem: ImportProblemView, word: WordReason, locale: MessageLocale): string {
  switch (problem.words) {
    case 'identity':
      return describeIssue(problem.identity, locale)
    case 'binding':
      return describeBindingIssue(problem.binding, locale)
    case 'reason': {
      const verdict = word(withColumnNames(problem.reason, word))
      const text = problem.detail ? word({ key: 'importProblem.withDetail', params: { text: verdict, detail: word(problem.detail) } }) : verdict
      return word({ key: 'importProblem.labelled', params: { label: word({ key: `importColumn.${problem.field}` }), text } })
    }
  }
}
