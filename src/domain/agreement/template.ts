import { sha256Hex } from './sha256';
import { body, notice } from './text';
import type { Agreement, AgreementEdition, AgreementSection, AgreementTerms, OperatorSettings } from './types';

const TITLE = '个人信息授权书';

/** The longest retention the function accepts (MOBILECHECK_RETENTION_DAYS is 1–3650). */
const MAX_RETENTION_DAYS = 3650;

const textOf = (sections: AgreementSection[]): string =>
  sections.map((s) => [s.heading, ...s.paragraphs].join('\n')).join('\n\n');

/** A hash of everything a person is shown; the label is not part of it, so relabelling changes nothing. */
export function versionOf(shown: Pick<Agreement, 'title' | 'notice' | 'body'>): string {
  return sha256Hex([shown.title, textOf([shown.notice]), textOf(shown.body)].join('\n\n\n')).slice(0, 16);
}

/** The edition's label, or a plain marker with the hash when nobody listed this version. */
export function editionLabel(version: string, editions: readonly AgreementEdition[]): string {
  return editions.find((e) => e.version === version)?.label ?? `未登记版本 ${version}`;
}

/**
 * The agreement for these operator settings. `terms` defaults to the retention the mini-program
 * shows and a typed mobile; the function passes its effective MOBILECHECK_RETENTION_DAYS and
 * MOBILECHECK_PHONE_SOURCE, so a mismatch gives different versions and the function refuses the page's consent.
 */
export function buildAgreement(operator: OperatorSettings, terms: Partial<AgreementTerms> = {}): Agreement {
  const { retentionDays = operator.retentionDays, phoneSource = 'typed', providers = operator.providers } = terms;
  if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
    throw new RangeError(`retentionDays must be a whole number from 1 to ${MAX_RETENTION_DAYS}`);
  }
  if (providers.length === 0) throw new RangeError('the agreement must name at least one provider');
  const shown = { title: TITLE, notice: notice(operator), body: body(operator, { retentionDays, phoneSource, providers }) };
  const version = versionOf(shown);
  return { ...shown, version, label: editionLabel(version, operator.editions) };
}
