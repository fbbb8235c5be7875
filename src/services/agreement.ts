import { buildAgreement, type Agreement, type PhoneSource } from '../domain';
import { operatorSettings } from '../operator/settings';

const built = new Map<PhoneSource, Agreement>();

/**
 * The agreement shown (and its version), built once per phone source from the operator settings:
 * the text says how the mobile is obtained, as the function's `status` reports it.
 */
export function currentAgreement(phoneSource: PhoneSource = 'typed'): Agreement {
  let agreement = built.get(phoneSource);
  if (!agreement) built.set(phoneSource, (agreement = buildAgreement(operatorSettings, { phoneSource })));
  return agreement;
}
