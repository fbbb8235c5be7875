// The mobile proven by WeChat's phone number component (MOBILECHECK_PHONE_SOURCE=wechat).
export { cloudPhoneExchange } from './cloudPhoneExchange';
export type { GetPhoneNumberResponse, PhoneNumberOpenApi } from './cloudPhoneExchange';
