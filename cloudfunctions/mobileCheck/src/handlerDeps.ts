import type { PhoneSource, ProviderId } from '../../../src/domain';
import type { LogLine } from './log';
import type { Clock, Hasher, PhoneExchange, Provider, Sleep, Store, TokenIssuer } from './ports';
import type { GuardSettings } from './settings';

/** Everything the handler is composed of; compose.ts wires the real parts from the environment. */
export interface HandlerDeps {
  agreementVersion: string;
  /** The paid data providers in order of preference; empty (a listed provider lacks its secret) → every check is SERVICE_MISCONFIGURED. */
  providers: readonly Provider[];
  /** Why `providers` is empty, naming the missing setting. */
  providersMissing?: string;
  /** Price of one billed call per provider, in fen (MOBILECHECK_*_PRICE_FEN), for the console's spend. */
  pricesFen?: Partial<Record<ProviderId, number>>;
  clock: Clock;
  sleep: Sleep;
  newTraceId: () => string;
  /** Method syntax on purpose: a logger written for check lines only may be passed. */
  log(line: LogLine): void;
  /** Without it (or the hasher) every check is SERVICE_MISCONFIGURED. */
  store: Store | undefined;
  hasher: Hasher | undefined;
  guards: GuardSettings;
  /** Why the settings are unusable, if they are: every request answers SERVICE_MISCONFIGURED. */
  misconfigured?: string;
  /** Signs `01` answers; undefined means no tokens. */
  tokens: TokenIssuer | undefined;
  phoneSource: PhoneSource;
  /** Needed when phoneSource is "wechat". */
  phone: PhoneExchange | undefined;
  adminOpenids: ReadonlySet<string>;
  verifiedDays: number;
  /** How long a claim on a check holds, and how long an identical request waits for it. */
  claimMs: number;
  pollMs: number;
}
