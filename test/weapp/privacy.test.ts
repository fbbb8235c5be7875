// WeChat's privacy authorization in the compiled mini-program, with wx's privacy API standing in
// (wx.getPrivacySetting, wx.onNeedPrivacyAuthorization, wx.openPrivacyContract, the agree button).
import { requireFreshDist } from './dist';
import { attrOf, findById } from './miniProgram';
import { el, fillValid, mp, report, sent, start, STORED, tap, text } from './session';

beforeAll(() => requireFreshDist());

jest.setTimeout(30_000);

afterEach(async () => {
  await mp?.settle();
});

const agreed = STORED;
const fieldsDisabled = () => ['name', 'idCard', 'mobile'].map((id) => Boolean(attrOf(mp, el(mp.current(), id), 'disabled')));

describe('weapp build: privacy authorization before typing', () => {
  test('shows the prompt with the guide’s name and disables every field until the person agrees', async () => {
    await start({ consent: agreed, needPrivacyAuthorization: true }).launch();
    const form = mp.current();
    expect(form.route).toBe('pages/form/index');
    expect(text(form, 'privacy-explain')).toContain('《示例小程序隐私保护指引》');
    expect(attrOf(mp, el(form, 'privacy-agree'), 'open-type')).toBe('agreePrivacyAuthorization');
    expect(fieldsDisabled()).toEqual([true, true, true]);
    expect(attrOf(mp, el(form, 'submit'), 'disabled')).toBe(true);
  });

  test('opens the fields when the agree button reports agreement, and the check goes through', async () => {
    await start({ consent: agreed, needPrivacyAuthorization: true }).launch();
    await report('privacy-agree', 'agreeprivacyauthorization');
    expect(findById(mp.current(), 'privacy-gate')).toBeUndefined();
    expect(fieldsDisabled()).toEqual([false, false, false]);
    await fillValid();
    await tap('submit');
    expect(sent('check')).toHaveLength(1);
  });

  test('leaves the form disabled after a refusal, says why and opens the guide on request', async () => {
    await start({ consent: agreed, needPrivacyAuthorization: true }).launch();
    await tap('privacy-refuse');
    expect(text(mp.current(), 'privacy-refused')).toContain('暂时不能填写信息或核验');
    expect(fieldsDisabled()).toEqual([true, true, true]);
    await tap('privacy-open-guide');
    expect(mp.privacy.openedContract).toBe(1);
  });

  test('keeps the fields locked when WeChat cannot say whether the person agreed, and opens them when a retry gets the answer', async () => {
    await start({ consent: agreed, privacySettingFailures: 1 }).launch();
    expect(text(mp.current(), 'privacy-unknown')).toContain('暂时无法确认');
    expect(fieldsDisabled()).toEqual([true, true, true]);
    await tap('privacy-retry');
    expect(findById(mp.current(), 'privacy-gate')).toBeUndefined();
    expect(fieldsDisabled()).toEqual([false, false, false]);
  });

  test('shows no prompt for a person who agreed before', async () => {
    await start({ consent: agreed }).launch();
    expect(findById(mp.current(), 'privacy-gate')).toBeUndefined();
    expect(fieldsDisabled()).toEqual([false, false, false]);
  });

  test('shows the prompt when an API asks, and lets it go on with the agree button’s id', async () => {
    await start({ consent: agreed }).launch();
    const answers: unknown[] = [];
    mp.privacy.listener!((option) => answers.push(option), { referrer: 'getRealtimePhoneNumber' });
    await mp.settle();
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    expect(fieldsDisabled()).toEqual([true, true, true]);
    await report('privacy-agree', 'agreeprivacyauthorization');
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
    expect(fieldsDisabled()).toEqual([false, false, false]);
  });
});
