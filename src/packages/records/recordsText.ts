// What 复制全部 and 导出 give the person (PIPL art. 45): the whole `myRecords` answer, as readable
// Chinese text and as JSON with the same content.
import { formatBeijingTime, isProviderId, isVendorStatusCode, PROVIDER_LABELS, vendorStatus, type MyRecordsAnswer, type OwnLimits, type PhoneSource } from '../../domain';
import { operatorSettings } from '../../operator/settings';

export type OwnData = Pick<MyRecordsAnswer, 'records' | 'consents' | 'limits'>;

/** A recorded code in words: the vendor's verdict, or that the check did not complete. */
export const outcomeWords = (code: string): string => (isVendorStatusCode(code) ? vendorStatus(code).title : '未完成核验');

export const PHONE_SOURCE_WORDS: Record<PhoneSource, string> = { typed: '本人填写', wechat: '微信提供' };

/** A provider id in words: the company and the service it is reached through. */
export const providerWords = (id: string): string =>
  isProviderId(id) ? `${operatorSettings.recipients[id].name}（${PROVIDER_LABELS[id]}）` : id;

/** The limits record in words: counts and until when, never hashes. */
export function limitsWords(limits: OwnLimits | null): string {
  if (!limits) return '次数计数：没有。';
  return `次数计数：今天核验 ${limits.checksToday} 次；30 天内核验过的不同证件号码 ${limits.identities30Days} 个（只以哈希值保存）。如无新的核验，这些计数最迟于 ${formatBeijingTime(limits.keptUntil)}（北京时间）全部删除。`;
}

export function recordsText(data: OwnData): string {
  const lines = [`我的核验记录（${operatorSettings.company}，时间为北京时间）`, ''];
  lines.push(`核验记录（${data.records.length}）`);
  data.records.forEach((r, i) => {
    lines.push(
      `${i + 1}. 时间：${formatBeijingTime(r.at)}；结果：${outcomeWords(r.code)}（${r.code}）；运营商：${r.carrier || '无'}；手机号码来源：${PHONE_SOURCE_WORDS[r.phone]}；` +
        `核验服务商：${providerWords(r.provider)}；姓名：${r.masked.name}；身份证件号码：${r.masked.idCard}；手机号码：${r.masked.mobile}；核验编号：${r.traceId}；授权书版本：${r.edition}`,
    );
  });
  lines.push('', `同意记录（${data.consents.length}）`);
  data.consents.forEach((c, i) => {
    lines.push(`${i + 1}. 同意时间：${formatBeijingTime(c.acceptedAt)}；授权书版本：${c.edition}（校验码 ${c.agreementVersion}）；同意编号：${c.consentId}` +
      (c.withdrawnAt !== undefined ? `；撤回时间：${formatBeijingTime(c.withdrawnAt)}` : ''));
  });
  lines.push('', limitsWords(data.limits));
  return lines.join('\n');
}

export const recordsJson = (data: OwnData): string => JSON.stringify({ records: data.records, consents: data.consents, limits: data.limits }, null, 2);
