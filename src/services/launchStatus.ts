import type { StatusAnswer } from '../domain';
import { callAction } from './mobileCheckClient';

let cached: Promise<StatusAnswer | null> | null = null;

/**
 * The caller's `status`, asked once and shared by the pages (home on launch, the form for the phone
 * source). Null when it could not be had; a failure is asked again on the next call.
 */
export function loadStatus(options: { fresh?: boolean } = {}): Promise<StatusAnswer | null> {
  if (!cached || options.fresh) {
    const asked = callAction('status').then((answer) => (answer.ok ? answer : null));
    cached = asked;
    void asked.then((answer) => {
      if (!answer && cached === asked) cached = null;
    });
  }
  return cached;
}

/** After a new check or deleting the records, the next read asks again. */
export function forgetStatus(): void {
  cached = null;
}

/** Resolves `fallback` when `promise` takes longer than `ms`: a slow answer must not hold a page. */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
