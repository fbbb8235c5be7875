// Drives the production weapp build (dist/) through its own compiled page logic: WeChat calls
// each page's `eh` with the element's id/data-sid, as base.wxml binds it. See miniProgram.ts.
import { DIST, requireFreshDist } from './dist';
import { attrOf, createMiniProgram, findById, fire, rootOf, textOf, type MiniProgram, type PageInstance } from './miniProgram';
import { buildAgreement } from '../../src/domain';
import { operatorSettings } from '../../src/settings/operator';

const VERSION = buildAgreement(operatorSettings).version;
const VALID = { name: '张三', idCard: '11010519491231002X', mobile: '13800138000' };
const COMPLETED = {
  ok: true,
  verified: true,
  code: '01',
  message: '姓名、身份证号码与手机号码一致，该号码登记在本人名下。',
  carrier: '移动',
  masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' },
  traceId: 'trace-weapp-1',
  cached: false,
};

beforeAll(() => requireFreshDist());

jest.setTimeout(30_000);

let mp: MiniProgram;
afterEach(async () => {
  await mp?.settle();
});

function start(answer: (data: unknown) => unknown = () => COMPLETED, consent?: { version: string; acceptedAt: number }) {
  mp = createMiniProgram(DIST, { callFunction: (_name, data) => answer(data) });
  if (consent) mp.storage.set('mobileCheck.consent', consent);
  return mp;
}

const el = (page: PageInstance, id: string) => {
  const node = findById(page, id);
  if (!node) throw new Error(`#${id} is not rendered on ${page.route}`);
  return node;
};
const text = (page: PageInstance, id: string) => textOf(findById(page, id));

async function tap(id: string) {
  fire(mp.current(), el(mp.current(), id), 'tap');
  await mp.settle();
}
async function typeInto(id: string, value: string) {
  fire(mp.current(), el(mp.current(), id), 'input', { value, cursor: value.length, keyCode: 0 });
  await mp.settle();
}
async function tick() {
  fire(mp.current(), el(mp.current(), 'agree-group'), 'change', { value: ['agree'] });
  await mp.settle();
}
async function fillValid() {
  for (const [id, value] of Object.entries(VALID)) await typeInto(id, value);
}

describe('weapp build: loading', () => {
  it('sets up WeChat cloud once when the app starts', async () => {
    await start().launch();
    expect(mp.cloudInitCalls).toHaveLength(1);
    expect(mp.cloudInitCalls[0]).toMatchObject({ traceUser: true });
  });

  it('renders the agreement first, with its notice, whole text and unticked box', async () => {
    await start().launch();
    const page = mp.current();
    expect(page.route).toBe('pages/agreement/index');
    const all = textOf(rootOf(page));
    expect(all).toContain('个人信息授权书');
    expect(all).toContain('为什么需要这些信息');
    expect(all).toContain('九、本人授权');
    expect(all).toContain('我已阅读并同意《个人信息授权书》');
    expect(attrOf(mp, el(page, 'agree-checkbox'), 'checked')).toBeFalsy();
    expect(all).not.toContain('沙箱模式');
  });

  it('renders the form page’s labels and keyboards', async () => {
    await start(undefined, { version: VERSION, acceptedAt: 1 }).launch();
    const page = mp.current();
    expect(page.route).toBe('pages/form/index');
    expect(textOf(rootOf(page))).toContain('身份证号码');
    expect(attrOf(mp, el(page, 'idCard'), 'type')).toBe('idcard');
    expect(attrOf(mp, el(page, 'mobile'), 'type')).toBe('number');
    expect(attrOf(mp, el(page, 'mobile'), 'maxlength')).toBe(11);
  });

  it('renders the result page opened directly with a way to the form', async () => {
    await start().launch();
    mp.wx.navigateTo({ url: '/pages/result/index' });
    await mp.settle();
    expect(mp.current().route).toBe('pages/result/index');
    expect(text(mp.current(), 'result-title')).toBe('没有可显示的核验结果');
    expect(text(mp.current(), 'check-again')).toBe('去核验');
  });
});

describe('weapp build: agreement', () => {
  it('keeps 同意并继续 disabled while the box is not ticked', async () => {
    await start().launch();
    expect(attrOf(mp, el(mp.current(), 'agree-button'), 'disabled')).toBe(true);
    await tap('agree-button');
    expect(mp.navigations).toEqual([]);
    expect(mp.storage.has('mobileCheck.consent')).toBe(false);
  });

  it('enables 同意并继续 when the box is ticked', async () => {
    await start().launch();
    await tick();
    expect(attrOf(mp, el(mp.current(), 'agree-button'), 'disabled')).toBeFalsy();
  });

  it('skips to the form when the current version is stored', async () => {
    await start(undefined, { version: VERSION, acceptedAt: 1 }).launch();
    expect(mp.navigations).toEqual([{ kind: 'redirectTo', url: '/pages/form/index' }]);
    expect(mp.current().route).toBe('pages/form/index');
  });

  it('asks again when another version is stored', async () => {
    await start(undefined, { version: 'older', acceptedAt: 1 }).launch();
    expect(mp.current().route).toBe('pages/agreement/index');
    expect(text(mp.current(), 'agreement-changed')).toContain('内容已更新');
  });
});

describe('weapp build: agreement → form → result', () => {
  it('agrees, fills the form, calls mobileCheck once with consent and shows the result', async () => {
    await start().launch();
    await tick();
    await tap('agree-button');
    expect(mp.storage.get('mobileCheck.consent')).toMatchObject({ version: VERSION });
    expect(mp.current().route).toBe('pages/form/index');
    expect(attrOf(mp, el(mp.current(), 'submit'), 'disabled')).toBe(true);

    await fillValid();
    expect(attrOf(mp, el(mp.current(), 'submit'), 'disabled')).toBeFalsy();
    await tap('submit');

    expect(mp.callFunctionCalls).toEqual([
      { name: 'mobileCheck', data: { ...VALID, consent: { agreementVersion: VERSION, accepted: true } } },
    ]);
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
  });

  it('sends one call when submit is tapped twice', async () => {
    await start(undefined, { version: VERSION, acceptedAt: 1 }).launch();
    await fillValid();
    const submit = el(mp.current(), 'submit');
    fire(mp.current(), submit, 'tap');
    fire(mp.current(), submit, 'tap');
    await mp.settle();
    expect(mp.callFunctionCalls).toHaveLength(1);
  });

  it('shows the function’s field error under that field', async () => {
    await start(() => ({ ok: false, code: 'INVALID_MOBILE', field: 'mobile', message: '手机号码填写有误，请核对后再试。', traceId: 't' }), {
      version: VERSION,
      acceptedAt: 1,
    }).launch();
    await fillValid();
    await tap('submit');
    expect(mp.current().route).toBe('pages/form/index');
    expect(text(mp.current(), 'mobile-error')).toBe('手机号码填写有误，请核对后再试。');
  });

  it('shows the network message when the cloud call fails', async () => {
    await start(() => {
      throw new Error('cloud.callFunction:fail');
    }, { version: VERSION, acceptedAt: 1 }).launch();
    await fillValid();
    await tap('submit');
    expect(text(mp.current(), 'form-error')).toContain('网络连接失败');
  });
});
