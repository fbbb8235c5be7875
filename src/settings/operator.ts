import type { OperatorSettings } from '../domain/agreement/types';
import { agreementEditions } from './agreementEditions';

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
  // The provider named in the vendor's own agreement template; put the contact and role from your
  // signed data-provision clause (docs/privacy.md §2, art. 23) here before going live.
  providers: [
    {
      name: '四川涪擎大数据技术有限公司',
      contact: 'dataprovider@example.com',
      role: '手机号实名核验服务商，经阿里云云市场提供接口',
    },
  ],
  // Shown in the agreement; the function's MOBILECHECK_RETENTION_DAYS must be the same number.
  retentionDays: 30,
  editions: agreementEditions,
};
