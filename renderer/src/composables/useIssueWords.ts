import type { BindingIssue, Issue } from '../../../shared/identity'
import { wordBindingIssue, wordIdentityIssue } from '../../../shared/i18n/issue-words'
import { useWords } from './useWords'

/** Identity and account-binding issues in the operator's words, by the rule the command line uses (shared/i18n/issue-words.ts). */
export function useIssueWords() {
  const words = useWords()
  return {
    identity: (found: Issue): string => wordIdentityIssue(found, words.value),
    binding: (found: BindingIssue): string => wordBindingIssue(found, words.value),
  }
}
