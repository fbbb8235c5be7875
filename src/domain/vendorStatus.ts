import { VENDOR_MESSAGES } from './messages';

/** The vendor's documented status codes and what each means for the person being checked. */
export type VendorStatusCode = '01' | '02' | '202' | '203' | '204' | '205' | '206' | '207';

/** pass: the three belong together; fail: they do not, or one is wrong; unverifiable: no answer possible now. */
export type Verdict = 'pass' | 'fail' | 'unverifiable';

export interface VendorStatus {
  code: VendorStatusCode;
  verdict: Verdict;
  /** Short headline for the result page (messages.ts). */
  title: string;
  /** What happened and what to do next, for a person (messages.ts). */
  message: string;
  /** Whether asking again soon could give another answer (202, 203 may); final answers may be reused. */
  final: boolean;
  /** The field a 204–206 answer points at. */
  field?: 'name' | 'idCard' | 'mobile';
}

const table: Record<VendorStatusCode, Omit<VendorStatus, 'code' | 'title' | 'message'>> = {
  '01': { verdict: 'pass', final: true },
  '02': { verdict: 'fail', final: true },
  '202': { verdict: 'unverifiable', final: false },
  '203': { verdict: 'unverifiable', final: false },
  '204': { verdict: 'fail', final: true, field: 'name' },
  '205': { verdict: 'fail', final: true, field: 'idCard' },
  '206': { verdict: 'fail', final: true, field: 'mobile' },
  '207': { verdict: 'unverifiable', final: true },
};

export const VENDOR_STATUS_CODES = Object.keys(table) as VendorStatusCode[];

export const isVendorStatusCode = (value: unknown): value is VendorStatusCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value);

export const vendorStatus = (code: VendorStatusCode): VendorStatus => ({ code, ...table[code], ...VENDOR_MESSAGES[code] });
