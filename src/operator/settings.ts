import type { OperatorSettings } from '../domain/agreement/types';
import { DEFAULT_PROVIDERS, isProviderId, type ProviderId } from '../domain/providers';
import { agreementEditions } from './agreementEditions';

/** A comma-separated list of provider ids; anything else means the default. */
function providersOf(value: string | undefined): readonly ProviderId[] {
  const ids = (value ?? '').split(',').map((id) => id.trim());
  return ids.every(isProviderId) && new Set(ids).size === ids.length ? ids : DEFAULT_PROVIDERS;
}

/**
 * The operator's details, filled into the authorization agreement shown before every check.
 * Edit here before going live: the mini-program and the cloud function both build the agreement
 * (and its version) from this one place, so a change asks every person to agree again.
 */
export const operatorSettings: OperatorSettings = {
  company: '示例科技有限公司',
  service: '会员账户实名认证',
  purpose: '核验您本人填写的姓名、身份证件号码与手机号码是否属于同一人，以完成账户实名认证',
  contact: 'privacy@example.com',
  // The longest a request by e-mail (copy, correction, explanation, deletion) waits for an answer.
  responseDays: 15,
  // Named in the agreement for each provider in use. aliyun-market: the seller named in the vendor's
  // own agreement template (check it against your order in 云市场 and put the contact from your signed
  // data-provision clause, docs/privacy.md §2, art. 23, here before going live); tencent-faceid: the
  // Tencent Cloud entity on your contract.
  recipients: {
    'aliyun-market': { name: '四川涪擎大数据技术有限公司', contact: 'dataprovider@example.com', role: '经阿里云云市场提供接口' },
    'tencent-faceid': { name: '腾讯云计算（北京）有限责任公司', contact: '95716', role: '腾讯云人脸核身' },
  },
  // The providers the mini-program's agreement names: the function's MOBILECHECK_PROVIDERS, passed to
  // the build as TARO_APP_PROVIDERS (npm start does this itself).
  providers: providersOf(process.env.TARO_APP_PROVIDERS),
  // Shown in the agreement; the function's MOBILECHECK_RETENTION_DAYS must be the same number.
  retentionDays: 30,
  editions: agreementEditions,
};
