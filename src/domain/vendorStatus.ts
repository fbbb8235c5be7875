/** The vendor's documented status codes and what each means for the person being checked. */
export type VendorStatusCode = '01' | '02' | '202' | '203' | '204' | '205' | '206' | '207';

/** pass: the three belong together; fail: they do not, or one is wrong; unverifiable: no answer possible now. */
export type Verdict = 'pass' | 'fail' | 'unverifiable';

export interface VendorStatus {
  code: VendorStatusCode;
  verdict: Verdict;
  /** Short headline for the result page. */
  title: string;
  /** What happened and what to do next, for a person. */
  message: string;
  /** Whether asking again soon could give another answer (202, 203 may); final answers may be reused. */
  final: boolean;
  /** The field a 204–206 answer points at. */
  field?: 'name' | 'idCard' | 'mobile';
}

const table: Record<VendorStatusCode, Omit<VendorStatus, 'code'>> = {
  '01': {
    verdict: 'pass',
    title: '核验通过',
    message: '姓名、身份证号码与手机号码一致，该号码登记在本人名下。',
    final: true,
  },
  '02': {
    verdict: 'fail',
    title: '核验未通过',
    message: '该手机号码的实名登记信息与所填姓名、身份证号码不一致。请确认使用的是本人实名办理的号码，或换一个本人名下的号码再试。',
    final: true,
  },
  '202': {
    verdict: 'unverifiable',
    title: '暂时无法验证',
    message: '运营商暂时无法验证该号码，可能是号码已停机、销号或刚开户。请稍后再试，或换一个本人名下的号码。',
    final: false,
  },
  '203': {
    verdict: 'unverifiable',
    title: '暂时无法核验',
    message: '该号码暂时无法核验：可能是虚拟运营商号段，或同一号码24小时内核验次数已达上限。请24小时后再试，或换一个移动、联通、电信的号码。',
    final: false,
  },
  '204': {
    verdict: 'fail',
    title: '姓名有误',
    message: '运营商认为姓名有误。请核对姓名是否与身份证上完全一致（少数民族姓名请包含“·”）后重新核验。',
    final: true,
    field: 'name',
  },
  '205': {
    verdict: 'fail',
    title: '身份证号码有误',
    message: '运营商认为身份证号码有误。请对照身份证逐位核对后重新核验。',
    final: true,
    field: 'idCard',
  },
  '206': {
    verdict: 'fail',
    title: '手机号码有误',
    message: '运营商认为手机号码有误。请核对号码是否正确、是否仍在使用后重新核验。',
    final: true,
    field: 'mobile',
  },
  '207': {
    verdict: 'unverifiable',
    title: '不支持该号段',
    message: '暂不支持该手机号段的核验。请换一个中国移动、中国联通或中国电信的号码。',
    final: true,
  },
};

export const VENDOR_STATUS_CODES = Object.keys(table) as VendorStatusCode[];

export const isVendorStatusCode = (value: unknown): value is VendorStatusCode =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value);

export const vendorStatus = (code: VendorStatusCode): VendorStatus => ({ code, ...table[code] });
