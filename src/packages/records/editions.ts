import { buildAgreement, editionLabel, providerOrders, type Agreement, type PhoneSource } from '../../domain';
import { agreementArchive } from '../../operator/agreementArchive';
import { agreementEditions } from '../../operator/agreementEditions';
import { operatorSettings } from '../../operator/settings';

const PHONE_SOURCES: readonly PhoneSource[] = ['typed', 'wechat'];

/** Every text the current sources give: one per provider list the function may run with and phone source. */
export const currentTexts = (): Agreement[] =>
  providerOrders().flatMap((providers) => PHONE_SOURCES.map((phoneSource) => buildAgreement(operatorSettings, { providers, phoneSource })));

/** The full text of the edition with this content version: one the current sources give, or one kept in the archive. */
export function editionText(version: string): Agreement | undefined {
  const current = currentTexts().find((a) => a.version === version);
  if (current) return current;
  const archived = agreementArchive.find((a) => a.version === version);
  return archived && { ...archived, label: editionLabel(archived.version, agreementEditions) };
}
