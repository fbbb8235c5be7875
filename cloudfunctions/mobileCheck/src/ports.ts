// The function's edges: everything with I/O, time or randomness comes in through these interfaces,
// so the handler's steps can be tested with stand-ins and the pure parts never reach out.
export type { Hasher } from './hash';
export type { Logger } from './log';
export type { Provider, ProviderAnswer } from './providers/port';
export type { PhoneExchange, PhoneExchangeResult } from './phoneNumber';
export type { Store } from './store/types';
export type { TokenIssuer } from './token';

export interface Clock {
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;
