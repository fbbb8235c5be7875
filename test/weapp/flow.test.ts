// Drives the production weapp build (dist/) through its own compiled page logic: WeChat calls
// each page's `eh` with the element's id/data-sid, as base.wxml binds it. See miniProgram.ts.
import { requireFreshDist } from './dist';
import { attrOf, fire, rootOf, textOf } from './miniProgram';
import { ACCEPTED, COMPLETED, CONSENT_ID, confirmThisCheck, el, fillValid, mp, report, sent, start, STORED, tap, text, tick, typeInto, VALID, VERSION } from './session';
import { buildAgreement, CHECK_CONFIRMATION_LABEL, MINOR_MESSAGE, SEPARATE_CONSENT_LABELS } from '../../src/domain';
import { operatorSettings } from '../../src/operator/settings';
import { idCardAged } from '../support/people';

beforeAll(() => requireFreshDist());

jest.setTimeout(30_000);

afterEach(async () => {
  await mp?.settle();
});

const agreed = STORED;

describe('weapp build: loading', () => {
  test('sets up WeChat cloud once when the app starts', async () => {
    await start().launch();
    expect(mp.cloudInitCalls).toHaveLength(1);
    // Off: it would record every visitor's OpenID in the cloud console, which the agreement does not disclose.
    expect(mp.cloudInitCalls[0]).toMatchObject({ traceUser: false });
  });

  test('asks status on launch, then renders the agreement with its notice, whole text, two unticked separate consents and 不同意', async () => {
    await start().launch();
    expect(sent('status')).toHaveLength(1);
    expect(mp.navigations).toEqual([{ kind: 'redirectTo', url: '/pages/agreement/index' }]);
    const page = mp.current();
    expect(page.route).toBe('pages/agreement/index');
    const all = textOf(rootOf(page));
    expect(all).toContain('个人信息授权书');
    expect(all).toContain('为什么需要这些信息');
    expect(all).toContain('十、本人授权');
    for (const box of ['idCard', 'provision'] as const) {
      expect(text(page, `agree-${box}-label`)).toBe(SEPARATE_CONSENT_LABELS[box]);
      expect(attrOf(mp, el(page, `agree-${box}`), 'checked')).toBeFalsy();
    }
    expect(text(page, 'decline-button')).toBe('不同意');
    expect(all).not.toContain('沙箱模式');
  });

  test('renders the form page’s labels and keyboards', async () => {
    await start({ consent: agreed }).launch();
    const page = mp.current();
    expect(page.route).toBe('pages/form/index');
    expect(textOf(rootOf(page))).toContain('身份证件号码');
    expect(attrOf(mp, el(page, 'idCard'), 'type')).toBe('idcard');
    expect(attrOf(mp, el(page, 'mobile'), 'type')).toBe('number');
    expect(attrOf(mp, el(page, 'mobile'), 'maxlength')).toBeGreaterThanOrEqual('+86 138-0013-8000'.length);
  });

  test('names each input for screen readers through the attributes base.wxml binds (aria-role for iOS)', async () => {
    await start({ consent: agreed }).launch();
    const page = mp.current();
    expect(['name', 'idCard', 'mobile'].map((id) => attrOf(mp, el(page, id), 'aria-label'))).toEqual(['姓名', '身份证件号码', '手机号码']);
    expect(attrOf(mp, el(page, 'idCard'), 'aria-role')).toBe('textbox');
  });

  test('renders the result page opened directly with a way to the form', async () => {
    await start().launch();
    mp.wx.navigateTo({ url: '/pages/result/index' });
    await mp.settle();
    expect(mp.current().route).toBe('pages/result/index');
    expect(text(mp.current(), 'result-title')).toBe('没有可显示的核验结果');
    expect(text(mp.current(), 'check-again')).toBe('去核验');
  });
});

describe('weapp build: launch for a verified person', () => {
  const verified = { ok: true, verified: true, verifiedAt: Date.UTC(2026, 10, 28, 17, 30), masked: COMPLETED.masked, traceId: 't' };

  test('shows 已完成实名核验 with the masked fields and date instead of the form', async () => {
    await start({ consent: agreed, answers: { status: () => verified } }).launch();
    const page = mp.current();
    expect(page.route).toBe('pages/home/index');
    expect(text(page, 'verified-title')).toBe('已完成实名核验');
    expect(text(page, 'verified-mobile')).toBe('138****8000');
    expect(text(page, 'verified-date')).toBe('核验日期：2026年11月29日');
  });

  test('leads 核验其他号码 into the normal flow', async () => {
    await start({ consent: agreed, answers: { status: () => verified } }).launch();
    await tap('check-other');
    expect(mp.current().route).toBe('pages/form/index');
  });

  test('opens the normal flow when status fails', async () => {
    await start({ answers: { status: () => { throw new Error('cloud.callFunction:fail'); } } }).launch();
    expect(mp.current().route).toBe('pages/agreement/index');
  });
});

describe('weapp build: agreement', () => {
  test('keeps 同意 disabled until both separate consents are ticked', async () => {
    await start().launch();
    const before = mp.navigations.length;
    expect(attrOf(mp, el(mp.current(), 'agree-button'), 'disabled')).toBe(true);
    await tick(['idCard']);
    expect(attrOf(mp, el(mp.current(), 'agree-button'), 'disabled')).toBe(true);
    await tap('agree-button');
    expect(mp.navigations.slice(before)).toEqual([]);
    expect(sent('acceptAgreement')).toEqual([]);
    expect(mp.storage.has('mobileCheck.consent')).toBe(false);
    await tick(['provision']);
    expect(attrOf(mp, el(mp.current(), 'agree-button'), 'disabled')).toBeFalsy();
  });

  test('says what 不同意 means and sends nothing', async () => {
    await start().launch();
    await tap('decline-button');
    expect(text(mp.current(), 'declined')).toContain('不能为您进行手机号实名核验');
    expect(mp.current().route).toBe('pages/agreement/index');
    expect(sent('acceptAgreement')).toEqual([]);
  });

  test('skips to the form when the current version is stored', async () => {
    await start({ consent: agreed }).launch();
    expect(mp.navigations).toEqual([{ kind: 'redirectTo', url: '/pages/form/index' }]);
    expect(mp.current().route).toBe('pages/form/index');
  });

  test('asks again when another version is stored', async () => {
    await start({ consent: { ...STORED, version: 'older' } }).launch();
    expect(mp.current().route).toBe('pages/agreement/index');
    expect(text(mp.current(), 'agreement-changed')).toContain('内容已更新');
  });
});

describe('weapp build: agreement → form → result', () => {
  test('agrees (registered by the function), confirms this check, calls mobileCheck once with the consent id and shows the result', async () => {
    await start().launch();
    await tick();
    await tap('agree-button');
    expect(sent('acceptAgreement')).toEqual([{ action: 'acceptAgreement', agreementVersion: VERSION, separate: { idCard: true, provision: true } }]);
    expect(mp.storage.get('mobileCheck.consent')).toEqual(STORED);
    expect(mp.current().route).toBe('pages/form/index');
    expect(text(mp.current(), 'confirm-text')).toBe(CHECK_CONFIRMATION_LABEL);
    expect(attrOf(mp, el(mp.current(), 'confirm-check'), 'checked')).toBeFalsy();
    // Pressed with empty fields: nothing is sent, and the focus goes to the first field, under its complaint.
    expect(attrOf(mp, el(mp.current(), 'submit'), 'disabled')).toBeFalsy();
    await tap('submit');
    expect(sent('check')).toEqual([]);
    // Taro's input template is chosen by `focus` itself (tmpl_N_focus), so it is no aliased attribute.
    expect(el(mp.current(), 'name').focus).toBe(true);
    expect(attrOf(mp, el(mp.current(), 'name'), 'aria-label')).toBe('姓名，请输入姓名');
    expect(text(mp.current(), 'name-error')).toBe('请输入姓名');

    for (const [id, value] of Object.entries(VALID)) await typeInto(id, value);
    // Valid fields but this check not confirmed: nothing is sent, and the box says why.
    await tap('submit');
    expect(sent('check')).toEqual([]);
    expect(text(mp.current(), 'confirm-error')).toBe('请先勾选上面的确认，再开始核验。');
    await confirmThisCheck();
    await tap('submit');

    expect(sent('check')).toEqual([{ action: 'check', ...VALID, consent: { consentId: CONSENT_ID, thisCheck: true } }]);
    expect(ACCEPTED.acceptedAt).toBe(STORED.acceptedAt);
    expect(mp.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/pages/result/index' });
    const page = mp.current();
    expect(page.route).toBe('pages/result/index');
    expect(text(page, 'result-title')).toBe('核验通过');
    expect(text(page, 'result-message')).toBe(COMPLETED.message);
    expect(text(page, 'result-masked-name')).toBe('张*');
    expect(text(page, 'result-masked-idCard')).toBe('11**************2X');
    expect(text(page, 'result-masked-mobile')).toBe('138****8000');
    expect(text(page, 'result-carrier')).toBe('移动');
    expect(text(page, 'result-trace-id')).toBe('trace-weapp-1');

    await tap('check-again');
    expect(mp.current().route).toBe('pages/form/index');
    expect(attrOf(mp, el(mp.current(), 'mobile'), 'value') ?? '').toBe('');
    expect(attrOf(mp, el(mp.current(), 'confirm-check'), 'checked')).toBeFalsy(); // 重新核验 is confirmed again
  });

  test('refuses the ID number of someone under 14 as it is typed, and sends nothing', async () => {
    await start({ consent: agreed }).launch();
    await fillValid();
    await typeInto('idCard', idCardAged(Date.now(), 12));
    expect(text(mp.current(), 'idCard-error')).toBe(MINOR_MESSAGE);
    await tap('submit');
    expect(sent('check')).toEqual([]);
  });

  test('shows the agreement again on CONSENT_REQUIRED, and asks WeChat for the update when the function has a newer text', async () => {
    const refusal = (agreementVersion: string) => () => ({ ok: false, code: 'CONSENT_REQUIRED', message: '核验前需要您阅读并同意《个人信息授权书》。', agreementVersion, traceId: 't' });
    await start({ consent: agreed, answers: { check: refusal(VERSION) } }).launch();
    await fillValid();
    await tap('submit');
    expect(mp.current().route).toBe('pages/agreement/index');
    expect(mp.storage.has('mobileCheck.consent')).toBe(false);

    await start({ consent: agreed, answers: { check: refusal('newer0000000000') } }).launch();
    await fillValid();
    await tap('submit');
    expect(mp.current().route).toBe('pages/form/index');
    expect(text(mp.current(), 'form-error')).toContain('已更新');
    expect(mp.device.updateManagers).toBe(1);
  });

  test('comes back from a 02 with 换一个号码 keeping name and ID and clearing the mobile', async () => {
    await start({ consent: agreed, answers: { check: () => ({ ...COMPLETED, verified: false, code: '02' }) } }).launch();
    await fillValid();
    await tap('submit');
    await tap('other-mobile');
    const form = mp.current();
    expect(form.route).toBe('pages/form/index');
    expect(attrOf(mp, el(form, 'name'), 'value')).toBe(VALID.name);
    expect(attrOf(mp, el(form, 'idCard'), 'value')).toBe(VALID.idCard);
    expect(attrOf(mp, el(form, 'mobile'), 'value') ?? '').toBe('');
    expect(JSON.stringify([...mp.storage.values()])).not.toContain(VALID.idCard);
    expect(mp.navigations.map((n) => n.url).join(' ')).not.toContain(VALID.idCard);
  });

  test('sends one call when submit is tapped twice', async () => {
    await start({ consent: agreed }).launch();
    await fillValid();
    const submit = el(mp.current(), 'submit');
    fire(mp.current(), submit, 'tap');
    fire(mp.current(), submit, 'tap');
    await mp.settle();
    expect(sent('check')).toHaveLength(1);
  });

  test('shows the function’s field error under that field', async () => {
    const refusal = { ok: false, code: 'INVALID_MOBILE', field: 'mobile', message: '手机号码填写有误，请核对后再试。', traceId: 't' };
    await start({ consent: agreed, answers: { check: () => refusal } }).launch();
    await fillValid();
    await tap('submit');
    expect(mp.current().route).toBe('pages/form/index');
    expect(text(mp.current(), 'mobile-error')).toBe('手机号码填写有误，请核对后再试。');
  });

  test('shows the network message when the cloud call fails', async () => {
    await start({ consent: agreed, answers: { check: () => { throw new Error('cloud.callFunction:fail'); } } }).launch();
    await fillValid();
    await tap('submit');
    expect(text(mp.current(), 'form-error')).toContain('网络连接失败');
  });
});

describe('weapp build: phone proven by WeChat', () => {
  test('sends the real-time phone number button’s code instead of a mobile', async () => {
    const wechat = () => ({ ok: true, verified: false, traceId: 't', phoneSource: 'wechat' });
    // The wechat edition of the text: the phone source is part of it.
    await start({ consent: { ...agreed, version: buildAgreement(operatorSettings, { phoneSource: 'wechat' }).version }, answers: { status: wechat } }).launch();
    expect(mp.current().route).toBe('pages/form/index');
    expect(() => el(mp.current(), 'mobile')).toThrow();
    await typeInto('name', VALID.name);
    await typeInto('idCard', VALID.idCard);
    await confirmThisCheck();
    await report('phone-button', 'getrealtimephonenumber', { code: 'wx-code-9', errMsg: 'getRealtimePhoneNumber:ok' });
    await tap('submit');
    expect(sent('check')).toHaveLength(1);
    expect(sent('check')[0]).toMatchObject({ phoneCode: 'wx-code-9' });
    expect(sent('check')[0]).not.toHaveProperty('mobile');
  });
});
