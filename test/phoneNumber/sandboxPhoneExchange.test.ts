import { sandboxPhoneExchange } from '../../local-host/sandboxPhoneExchange';
import { person } from '../support/people';

describe('sandboxPhoneExchange', () => {
  test('gives the 11 digits of a sandbox: code', async () => {
    await expect(sandboxPhoneExchange().exchange(`sandbox:${person.mobile}`)).resolves.toEqual({ ok: true, mobile: person.mobile });
  });

  test.each([
    ['a real WeChat code', 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144'],
    ['10 digits', 'sandbox:1380013800'],
    ['12 digits', 'sandbox:138001380000'],
    ['letters', 'sandbox:1380013800a'],
    ['another prefix', `Sandbox:${person.mobile}`],
    ['a bare number', person.mobile],
    ['nothing', ''],
    ['trailing text', `sandbox:${person.mobile}\n`],
  ])('refuses %s with PHONE_CODE_INVALID', async (_label, code) => {
    await expect(sandboxPhoneExchange().exchange(code)).resolves.toEqual({
      ok: false, code: 'PHONE_CODE_INVALID', detail: 'the sandbox accepts only sandbox:<11 digits>',
    });
  });
});
