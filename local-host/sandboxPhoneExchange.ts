import type { PhoneExchange } from '../cloudfunctions/mobileCheck/src/host';

const SANDBOX_CODE = /^sandbox:(\d{11})$/;

/**
 * `npm start`'s stand-in for WeChat in sandbox mode: the page sends "sandbox:<11 digits>" in place of
 * the component's code. Never wired in the cloud, so a real code can never be read this way.
 */
export function sandboxPhoneExchange(): PhoneExchange {
  return {
    async exchange(code) {
      const match = SANDBOX_CODE.exec(code);
      return match
        ? { ok: true, mobile: match[1] }
        : { ok: false, code: 'PHONE_CODE_INVALID', detail: 'the sandbox accepts only sandbox:<11 digits>' };
    },
  };
}
