// One mini-program session over the production weapp build for the weapp suites: start it with the
// function's answers per action, then drive pages by element id. See miniProgram.ts.
import { createMiniProgram, findById, fire, textOf, type MiniProgram, type PageInstance } from './miniProgram';
import { DIST } from './dist';
import { buildAgreement, type Action } from '../../src/domain';
import { operatorSettings } from '../../src/operator/settings';

export const VERSION = buildAgreement(operatorSettings).version;
export const VALID = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' };
export const COMPLETED = {
  ok: true,
  verified: true,
  code: '01',
  message: '姓名、身份证件号码与手机号码一致，该号码登记在本人名下。',
  carrier: '移动',
  masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
  traceId: 'trace-weapp-1',
  cached: false,
};
export const NOT_VERIFIED = { ok: true, verified: false, traceId: 'trace-status' };
export const CONSENT_ID = 'abcdefabcdefabcdefabcdefabcdef01';
/** What acceptAgreement answers: the function's clock, not the phone's. */
export const ACCEPTED = { ok: true, consentId: CONSENT_ID, acceptedAt: Date.UTC(2026, 11, 4, 2, 0), agreementVersion: VERSION, edition: '2026-12-04 第2版', traceId: 't-accept' };
/** The consent as the phone keeps it after agreeing to the current text. */
export const STORED = { consentId: CONSENT_ID, version: VERSION, acceptedAt: ACCEPTED.acceptedAt, edition: ACCEPTED.edition };

type Answer = (data: Record<string, unknown>) => unknown;

export interface StartOptions {
  /** The function's answer per action; `check` defaults to COMPLETED, `status` to not verified. */
  answers?: Partial<Record<Action, Answer>>;
  /** A consent the function registered earlier, as stored on the phone (STORED below for the current text). */
  consent?: { consentId?: string; version: string; acceptedAt: number; edition?: string };
  needPrivacyAuthorization?: boolean;
  privacySettingFailures?: number;
  modalConfirm?: boolean;
}

export let mp: MiniProgram;

export function start(options: StartOptions = {}): MiniProgram {
  const answers: Partial<Record<string, Answer>> = { check: () => COMPLETED, status: () => NOT_VERIFIED, acceptAgreement: () => ACCEPTED, ...options.answers };
  mp = createMiniProgram(DIST, {
    callFunction: (_name, data) => {
      const event = data as Record<string, unknown>;
      const answer = answers[typeof event.action === 'string' ? event.action : 'check'];
      if (!answer) throw new Error(`no answer for ${String(event.action)}`);
      return answer(event);
    },
    needPrivacyAuthorization: options.needPrivacyAuthorization,
    privacySettingFailures: options.privacySettingFailures,
    modalConfirm: options.modalConfirm,
  });
  if (options.consent) mp.storage.set('mobileCheck.consent', options.consent);
  return mp;
}

/** The events of one action sent through wx.cloud.callFunction (`check` when none is named). */
export const sent = (action: Action) =>
  mp.callFunctionCalls.map((c) => c.data as Record<string, unknown>).filter((d) => (d.action ?? 'check') === action);

export const el = (page: PageInstance, id: string) => {
  const node = findById(page, id);
  if (!node) throw new Error(`#${id} is not rendered on ${page.route}`);
  return node;
};
export const text = (page: PageInstance, id: string) => textOf(findById(page, id));

export async function tap(id: string) {
  fire(mp.current(), el(mp.current(), id), 'tap');
  await mp.settle();
}
/** Fires another WeChat event on an element, e.g. an open-type button's report. */
export async function report(id: string, type: string, detail: Record<string, unknown> = {}) {
  fire(mp.current(), el(mp.current(), id), type, detail);
  await mp.settle();
}
export async function typeInto(id: string, value: string) {
  fire(mp.current(), el(mp.current(), id), 'input', { value, cursor: value.length, keyCode: 0 });
  await mp.settle();
}
/** Ticks one of the agreement's two separate consents, or both. */
export async function tick(which: ('idCard' | 'provision')[] = ['idCard', 'provision']) {
  for (const box of which) {
    fire(mp.current(), el(mp.current(), `agree-${box}-group`), 'change', { value: [box] });
    await mp.settle();
  }
}
/** Ticks (or unticks) the confirmation of this check beside 开始核验. */
export async function confirmThisCheck(on = true) {
  fire(mp.current(), el(mp.current(), 'confirm-group'), 'change', { value: on ? ['thisCheck'] : [] });
  await mp.settle();
}
/** The three fields, and this check confirmed. */
export async function fillValid() {
  for (const [id, value] of Object.entries(VALID)) await typeInto(id, value);
  await confirmThisCheck();
}
