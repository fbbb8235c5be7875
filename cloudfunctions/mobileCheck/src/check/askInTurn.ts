// Failover: ask the providers in order of preference, the next one only when the previous one
// certainly did not bill (policy.mayFailOver). At most one call per provider per check.
import type { PersonFields, ProviderId } from '../../../../src/domain';
import { decidingCall, mayFailOver } from '../policy';
import type { Clock, Provider, ProviderAnswer } from '../ports';

export interface ProviderCall {
  provider: ProviderId;
  answer: ProviderAnswer;
  latencyMs: number;
}

export interface Asked {
  /** Every call made, in order. */
  calls: [ProviderCall, ...ProviderCall[]];
  /** The call whose answer the check gives. */
  deciding: ProviderCall;
}

export async function askInTurn(providers: readonly [Provider, ...Provider[]], fields: PersonFields, clock: Clock): Promise<Asked> {
  const calls: ProviderCall[] = [];
  for (const provider of providers) {
    const started = clock.now();
    const answer = await provider.ask(fields);
    calls.push({ provider: provider.id, answer, latencyMs: clock.now() - started });
    if (!mayFailOver(answer)) break;
  }
  const made = calls as [ProviderCall, ...ProviderCall[]];
  return { calls: made, deciding: decidingCall(made) };
}
