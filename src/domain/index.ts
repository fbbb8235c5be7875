// The pure core shared by the mini-program and the cloud function: no I/O, no clock, no Taro, no Node.
export { buildAgreement, editionLabel, versionOf } from './agreement/template';
export {
  ACCEPTED_ID_DOCUMENTS, AGREEMENT_FIELDS, CARRIERS, CHECK_CONFIRMATION_LABEL, CONTACT_LABEL, COPY_LABEL, DELETE_LABEL, EXPORT_LABEL, GUARDIAN_AGE,
  IDENTITY_WINDOW_DAYS, MY_RECORDS_PAGE, SEPARATE_CONSENT_LABELS, WECHAT_PHONE_LABEL, WITHDRAW_LABEL, WITHDRAWAL_KEPT_DAYS,
} from './agreement/text';
export type { Agreement, AgreementEdition, AgreementSection, AgreementTerms, OperatorSettings, ProviderRecipient } from './agreement/types';
export { sha256Hex } from './agreement/sha256';
export { agreementMarkdown } from './agreement/markdown';
export { parseAcceptance, parseConsent, parseFields, parseGuardian, parsePhoneCode, parseShape } from './checkRequest';
export { isUnderGuardianAge } from './fields/guardian';
export type { Acceptance, Consent, Parsed, PersonFields, Refusal } from './checkRequest';
export { ERROR_CODES, isErrorCode } from './errorCodes';
export {
  actionFailedMessage, agreementOutdated, CONFIRM_MISSING_MESSAGE, ERROR_MESSAGES, ID_CARD_MESSAGES, LIMIT_MESSAGES, MINOR_MESSAGE, MOBILE_MESSAGES, NAME_MESSAGES, OUTDATED_AGREEMENT_MESSAGE,
  PHONE_REFUSED_MESSAGE, refusalMessage, RESULT_TEXT, shownRefusalMessage, shownResultMessage, VENDOR_MESSAGES,
} from './messages';
export type { ClientErrorCode, ErrorCode } from './errorCodes';
export { ACTIONS, isAction, STATS_MAX_DAYS, STATS_MIN_DAYS } from './actions';
export type {
  AcceptAnswer, Action, ActionAnswer, ActionRequest, DayStats, OwnLimits, DeleteAnswer, MyRecordsAnswer, OwnConsent, OwnVerification, StatsAnswer, StatusAnswer, WithdrawAnswer,
} from './actions';
export { formatBeijingDate, formatBeijingTime } from './beijingTime';
export { CHINA_OFFSET_MS, chinaDate } from './fields/calendarDate';
export { formatWait } from './formatWait';
export type { CalendarDate } from './fields/calendarDate';
export type { FieldResult } from './fields/fieldResult';
export { checkIdCard, idCardCheckChar, isIdCard, ID_CARD_LENGTH, normalizeIdCard } from './fields/idCard';
export type { IdCardReason } from './fields/idCard';
export { checkMobile, isMobile, MOBILE_LENGTH, normalizeMobile, UNCHECKABLE_RANGES, VIRTUAL_OPERATOR_PREFIXES } from './fields/mobile';
export type { MobileReason } from './fields/mobile';
export { checkName, isName, NAME_MAX_LENGTH, NAME_MIN_LENGTH, normalizeName } from './fields/name';
export type { NameReason } from './fields/name';
export { maskFields, maskIdCard, maskMobile, maskName } from './masking';
export type { MaskedFields } from './masking';
export type {
  CheckCompleted, CheckOutcome, CheckRefused, CheckRequest, CheckResponse, ConsentInput, FieldName, PhoneSource, RateLimit,
} from './result';
export { isVendorStatusCode, VENDOR_STATUS_CODES, vendorStatus } from './vendorStatus';
export type { Verdict, VendorStatus, VendorStatusCode } from './vendorStatus';
export { DEFAULT_PROVIDERS, isProviderId, PROVIDER_IDS, PROVIDER_LABELS, PROVIDER_RECEIVES, providerOrders } from './providers';
export type { ProviderId } from './providers';
