import { buildAgreement, type Agreement } from '../domain';
import { operatorSettings } from '../settings/operator';

let cached: Agreement | undefined;

/** The agreement currently shown (and its version), built once from the operator settings. */
export function currentAgreement(): Agreement {
  if (!cached) cached = buildAgreement(operatorSettings);
  return cached;
}
