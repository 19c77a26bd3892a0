/** Identity rules shared by the capture form (live) and main (authoritative). Pure: no Node, no clock. */
export { validateCnResidentId, cnIdCheckCharacter, normalizeCnResidentId } from './cn-resident-id'
export type { CnResidentIdResult, CnIdIssueCode } from './cn-resident-id'
export { cnProvinceCodes, isCnProvinceCode } from './cn-provinces'
export { checkDocumentDates, legalCnIdValidity } from './document-dates'
export type { DocumentDates } from './document-dates'
export { parseMrz } from './mrz'
export type { MrzData, MrzResult } from './mrz'
export { readMrzLines } from './mrz-input'
export { mrzCheckDigit } from './mrz-check-digits'
export { countryFromMrzState } from './mrz-states'
export { checkName, normalizeName } from './names'
export type { NameField } from './names'
export { countryCodes, isCountryCode } from './countries'
export type { CountryCode } from './countries'
export { countryName, countryOptions, pinnedCountryCodes } from './country-names'
export type { CountryOption, Locale } from './country-names'
export { checkUid } from './uid'
export { checkDocumentNumber, normalizeDocumentNumber } from './document-number'
export { fieldLimits } from './limits'
export { identityDraftSchema } from './draft'
export type { IdentityDraft } from './draft'
export { validateIdentity } from './validate-applicant'
export type { IdentityValidation } from './validate-applicant'
export { suggestionSchema } from './suggestions'
export type { Suggestion, SuggestionSource } from './suggestions'
export { unresolvedIssues, warningCodes, warningOverrideSchema } from './overrides'
export type { WarningOverride } from './overrides'
export { issue, issueCatalog, issueCodes, issueFields, issueSchema, isError } from './issues'
export type {
  DisplayValue,
  ErrorCode,
  ExpectedValidity,
  Issue,
  IssueCode,
  IssueField,
  IssueParams,
  MrzCheckDigitName,
  MrzFieldName,
  Severity,
  WarningCode,
} from './issues'
export { parseAccountBinding, parseTypedBinding } from './account-binding'
export type { BindingField, BindingIssue, BindingIssueCode, BindingParse, BindingSource } from './account-binding'
