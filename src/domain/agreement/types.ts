import type { ProviderId } from '../providers';

/** One published wording of the agreement: a name people can read for a content version. */
export interface AgreementEdition {
  /** Date and edition number, e.g. `2026-11-29 第1版`. */
  label: string;
  /** The content version (see `buildAgreement`) this label names. */
  version: string;
}

/** What may differ between the mini-program and the function: the function passes its own settings. */
export interface AgreementTerms {
  /** Days consent and verification records are kept (the function's MOBILECHECK_RETENTION_DAYS). */
  retentionDays: number;
  /** How the mobile is obtained (the function's MOBILECHECK_PHONE_SOURCE): part of the text, so of the version. */
  phoneSource: 'typed' | 'wechat';
  /** The data providers in use, in order of preference (the function's MOBILECHECK_PROVIDERS). */
  providers: readonly ProviderId[];
}

/** A data provider the three fields (or their digests) are given to (PIPL art. 23: name, contact, role). */
export interface ProviderRecipient {
  /** The registered company name. */
  name: string;
  /** Where a person reaches it. */
  contact: string;
  /** What it does with the fields, in one phrase. */
  role: string;
}

/** What the operator fills into the 个人信息授权书. */
export interface OperatorSettings extends Pick<AgreementTerms, 'retentionDays' | 'providers'> {
  /** The operator's registered company name: the personal information processor. */
  company: string;
  /** The business or service the check is part of. */
  service: string;
  /** What the information is used for. */
  purpose: string;
  /** Where a person can ask questions, withdraw consent or have records deleted. */
  contact: string;
  /** How long, in working days, a request sent to `contact` waits at most for an answer. */
  responseDays: number;
  /** Each data provider's company, contact and role, named in the agreement when the provider is in use. */
  recipients: Readonly<Record<ProviderId, ProviderRecipient>>;
  /** Every wording ever published, so each content version has a readable label. */
  editions: readonly AgreementEdition[];
}

export interface AgreementSection {
  heading: string;
  paragraphs: string[];
}

export interface Agreement {
  title: string;
  /** Why the data is needed and how it affects the person (PIPL art. 30), shown before the text. */
  notice: AgreementSection;
  /** The agreement itself, section by section. */
  body: AgreementSection[];
  /** Changes whenever any shown text changes; sent with every request as proof of what was agreed. */
  version: string;
  /** The readable name of this version from the editions list, e.g. `2026-11-29 第1版`. */
  label: string;
}
