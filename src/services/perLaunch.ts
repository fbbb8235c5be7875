// What the mini-program asks at most once per launch, in one store: a new launch starts with it
// empty (the page tests start each test as a new launch by clearing it).
import type { VendorMode } from '../domain/endpoints';

interface LaunchAnswers {
  /** Whether this caller may read the operator's figures (src/hooks/useIsAdmin.ts). */
  isAdmin: Promise<boolean>;
  /** h5: the local host's mode (src/services/mobileCheckClient.ts). */
  vendorMode: Promise<VendorMode | null>;
  /** WeChat was asked for a newer build (src/services/appUpdate.ts). */
  updateAsked: true;
}

export const launchAnswers = new Map<keyof LaunchAnswers, LaunchAnswers[keyof LaunchAnswers]>();

/** `ask()` the first time in this launch; that first answer every time after. */
export function oncePerLaunch<Q extends keyof LaunchAnswers>(question: Q, ask: () => LaunchAnswers[Q]): LaunchAnswers[Q] {
  if (!launchAnswers.has(question)) launchAnswers.set(question, ask());
  return launchAnswers.get(question) as LaunchAnswers[Q];
}
