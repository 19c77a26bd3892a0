import { z } from 'zod'

/** The fields reconciliation compares, in form order. */
export const reconciledFields = [
  'country',
  'surname',
  'givenName',
  'documentNumber',
  'birthday',
  'gender',
  'chineseMainland',
  'issueDate',
  'validity',
  'front',
  'back',
  'hand',
] as const
export type ReconciledField = (typeof reconciledFields)[number]

/**
 * How the platform's value is compared with ours (docs/platform/reconciliation.md):
 * - `exact`: the value as sent, type included;
 * - `date`: `YYYY-MM-DD`, a date-time at midnight, or epoch milliseconds of that midnight (UTC or Beijing) are one day;
 * - `masked`: `*` or `•` in the platform's value stand for any characters of ours, at least 4 must show, and agree;
 * - `image`: our object key, or a URL whose path ends with it (query string ignored);
 * - `code`: 1, "1" (and for gender 男/女/male/female) are one code.
 */
export const reconcileRules = ['exact', 'date', 'masked', 'image', 'code'] as const
export type ReconcileRule = (typeof reconcileRules)[number]

/** Each field's tolerant rule; `exact` is always the other choice. */
export const tolerantRuleOf: Readonly<Record<ReconciledField, Exclude<ReconcileRule, 'exact'>>> = {
  country: 'masked',
  surname: 'masked',
  givenName: 'masked',
  documentNumber: 'masked',
  birthday: 'date',
  gender: 'code',
  chineseMainland: 'code',
  issueDate: 'date',
  validity: 'date',
  front: 'image',
  back: 'image',
  hand: 'image',
}

/** Defaults: names and country exact (a platform must not rewrite them), everything else tolerant. */
export const defaultReconcileRules: Readonly<Record<ReconciledField, ReconcileRule>> = {
  ...tolerantRuleOf,
  country: 'exact',
  surname: 'exact',
  givenName: 'exact',
}

/** Settings: per field, `exact` or that field's tolerant rule; unset fields keep the default. */
export const reconcileRulesSchema = z
  .partialRecord(z.enum(reconciledFields), z.enum(reconcileRules))
  .superRefine((rules, ctx) => {
    for (const [field, rule] of Object.entries(rules) as [ReconciledField, ReconcileRule][]) {
      if (rule !== 'exact' && rule !== tolerantRuleOf[field]) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is compared exact or ${tolerantRuleOf[field]}, not ${rule}` })
      }
    }
  })

export function effectiveReconcileRules(overrides: Partial<Record<ReconciledField, ReconcileRule>>): Record<ReconciledField, ReconcileRule> {
  return { ...defaultReconcileRules, ...overrides }
}
