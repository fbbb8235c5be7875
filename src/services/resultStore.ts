import type { CheckCompleted } from '../domain';

// The last completed check, handed from the form page to the result page in memory only:
// nothing personal goes into the URL or onto the phone's storage (the result is masked anyway).
let last: CheckCompleted | null = null;

export function setLastResult(result: CheckCompleted): void {
  last = result;
}

export function getLastResult(): CheckCompleted | null {
  return last;
}

export function clearLastResult(): void {
  last = null;
}
