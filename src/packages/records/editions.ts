import { editionLabel, type Agreement } from '../../domain';
import { currentAgreement } from '../../services/agreement';
import { agreementArchive } from '../../settings/agreementArchive';
import { agreementEditions } from '../../settings/agreementEditions';

/** The full text of the edition with this content version: the current ones, or one kept in the archive. */
export function editionText(version: string): Agreement | undefined {
  const current = [currentAgreement('typed'), currentAgreement('wechat')].find((a) => a.version === version);
  if (current) return current;
  const archived = agreementArchive.find((a) => a.version === version);
  return archived && { ...archived, label: editionLabel(archived.version, agreementEditions) };
}
