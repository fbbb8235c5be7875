// What stops a request before its use case runs: the one gate for "ready or misconfigured", and the
// one helper that counts a request against the caller's daily request cap.
import type { PhoneSource } from '../../../src/domain';
import type { InstanceMemory } from './instanceMemory';
import { nextBeijingMidnight } from './policy';
import type { Hasher, PhoneExchange, Provider, Store } from './ports';

/** The parts that may be missing, and why the settings are unusable (if they are). */
export interface Readiness {
  /** Why the settings are unreadable, if they are: every use case that needs them answers SERVICE_MISCONFIGURED. */
  misconfigured?: string;
  store?: Store | undefined;
  hasher?: Hasher | undefined;
  /** The paid data providers in order of preference; empty when a listed provider lacks its secret. */
  providers?: readonly Provider[];
  /** Why `providers` is empty, naming the missing setting. */
  providersMissing?: string;
  phoneSource?: PhoneSource;
  /** Needed when phoneSource is "wechat". */
  phone?: PhoneExchange | undefined;
}

/** What a use case needs; `settings`: every setting readable (the person's own rights need only the store and the hash key). */
export interface Needs {
  settings?: boolean;
  providers?: boolean;
  hasher?: boolean;
  store?: boolean;
}

export type Gated<T> = { ready: true; parts: T } | { ready: false; detail: string };

type Present<R, N extends Needs> = R & (N['store'] extends true ? { store: Store } : unknown) &
  (N['hasher'] extends true ? { hasher: Hasher } : unknown) &
  (N['providers'] extends true ? { providers: readonly [Provider, ...Provider[]] } : unknown);

/**
 * Ready, with the needed parts known to be there, or misconfigured with a data-free reason for the
 * log (the caller is answered SERVICE_MISCONFIGURED). With `providers`, the WeChat phone exchange is
 * needed too when the phone source is "wechat".
 */
export function gate<R extends Readiness, N extends Needs>(parts: R, needs: N): Gated<Present<R, N>> {
  const missing =
    needs.settings && parts.misconfigured !== undefined ? parts.misconfigured
      : needs.providers && (parts.providers ?? []).length === 0 ? parts.providersMissing ?? 'no data provider'
        : needs.hasher && !parts.hasher ? 'MOBILECHECK_HASH_SECRET is not set or unreadable'
          : needs.store && !parts.store ? 'no store'
            : needs.providers && parts.phoneSource === 'wechat' && !parts.phone ? 'no phone number exchange'
              : undefined;
  return missing === undefined ? { ready: true, parts: parts as Present<R, N> } : { ready: false, detail: missing };
}

/** The refusal of a request over the caller's daily request cap: retry after Beijing midnight. */
export const overRequestCap = (now: number) => ({ code: 'RATE_LIMITED', limit: 'requests', retryAt: nextBeijingMidnight(now), level: 'warn' }) as const;

/**
 * Counts one request of the caller's against the daily request cap: the count's result, or
 * undefined when over the cap (uncounted). `count` is the store's count, on its own or inside a
 * round trip that reads more (`isCounted` finds the count in its result); a caller this instance
 * already knows to be over the cap is refused without it.
 */
export async function withinRequestCap<T>(
  memory: InstanceMemory, caller: string, day: string, count: () => Promise<T>, isCounted: (result: T) => boolean = Boolean,
): Promise<T | undefined> {
  if (memory.isOverRequestCap(caller, day)) return undefined;
  const result = await count();
  if (isCounted(result)) return result;
  memory.markOverRequestCap(caller, day);
  return undefined;
}
