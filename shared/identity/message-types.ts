import type { IssueCode, IssueParamsMap } from './issues'

/** One locale's sentence for every issue code: a missing code does not compile. */
export type MessageTable = { [C in IssueCode]: (params: IssueParamsMap[C]) => string }
