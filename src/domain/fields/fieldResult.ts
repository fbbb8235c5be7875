/**
 * Outcome of checking one form field: the canonical value, or why it cannot pass. `canonicalized`
 * says the value differs from what was typed beyond surrounding white space (a pasted `+86`, a `•`
 * made `·`), so the form can show the person what will be sent.
 */
export type FieldResult<Reason extends string> =
  | { ok: true; value: string; canonicalized: boolean }
  | { ok: false; reason: Reason; message: string };

export const accept = <R extends string>(value: string, typed: string): FieldResult<R> => ({
  ok: true,
  value,
  canonicalized: value !== typed.trim(),
});

export const reject = <R extends string>(reason: R, message: string): FieldResult<R> => ({
  ok: false,
  reason,
  message,
});
