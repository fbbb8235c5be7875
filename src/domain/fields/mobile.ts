import { accept, reject, type FieldResult } from './fieldResult';

export type MobileReason = 'empty' | 'characters' | 'length' | 'prefix' | 'virtualOperator';

export const MOBILE_LENGTH = 11;

// Virtual-operator ranges: the vendor answers 203 for them, so checking them would only cost money.
export const VIRTUAL_OPERATOR_PREFIXES = ['162', '165', '167', '170', '171'];

export function checkMobile(input: unknown): FieldResult<MobileReason> {
  const value = typeof input === 'string' ? input.trim() : '';
  if (value === '') return reject('empty', '请输入手机号码');
  if (!/^\d+$/.test(value)) return reject('characters', '手机号码只能是数字');
  if (value.length !== MOBILE_LENGTH) {
    return reject('length', `手机号码应为${MOBILE_LENGTH}位，目前是${value.length}位`);
  }
  if (!/^1[3-9]/.test(value)) return reject('prefix', '请输入中国大陆手机号码（以13至19开头）');
  if (VIRTUAL_OPERATOR_PREFIXES.includes(value.slice(0, 3))) {
    return reject('virtualOperator', '暂不支持虚拟运营商号段（162、165、167、170、171），请换一个号码');
  }
  return accept(value);
}

export const isMobile = (value: unknown): value is string => checkMobile(value).ok;
