import type { OperatorSettings } from '../domain/agreement/template';

/**
 * The operator's details, filled into the authorization agreement shown before every check.
 * Edit here before going live: the mini-program and the cloud function both build the agreement
 * (and its version) from this one place, so a change asks every person to agree again.
 */
export const operatorSettings: OperatorSettings = {
  company: '示例科技有限公司',
  service: '会员账户实名认证',
  purpose: '核验您本人填写的姓名、身份证号码与手机号码是否属于同一人，以完成账户实名认证',
  contact: 'privacy@example.com',
};
