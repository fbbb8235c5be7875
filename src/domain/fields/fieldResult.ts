/** Outcome of checking one form field: the normalized value, or why it cannot pass. */
export type FieldResult<Reason extends string> =
  | { ok: true; value: string }
  | { ok: false; reason: Reason; message: string };

export const accept = <R extends string>(value: string): FieldResult<R> => ({ ok: true, value });

export const reject = <R extends string>(reason: R, message: string): FieldResult<R> => ({
  ok: false,
  reason,
  message,
});
