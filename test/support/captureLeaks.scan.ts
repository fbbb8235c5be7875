// What the whole-run leak scan looks for: the raw personal data the suites use. Explicit values (every
// fixture name, ID and mobile found in test/) plus two patterns that catch generated ones: any
// 18-character ID with a correct GB 11643 check character, any 11-digit mainland mobile number,
// each standing alone (not inside a longer run of letters or digits, such as a trace id or a hash).
import { gbCheckChar } from './gb11643';
import { person } from './people';

export const RAW_NAMES = [person.name, '李四', '王五', '买买提·艾力'];
export const RAW_ID_CARDS = [person.idCard, person.idCard.toLowerCase(), '110105194912310021', '110105199902300012'];
export const RAW_MOBILES = [person.mobile, '13900139000', '13800138003', '17012345678', '19912345678', '18612345678'];

const ID_PATTERN = /(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE_PATTERN = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

export interface Finding {
  kind: 'name' | 'idCard' | 'mobile';
  value: string;
  index: number;
}

export function findRawData(text: string): Finding[] {
  const findings: Finding[] = [];
  const literal = (kind: Finding['kind'], values: string[]) => {
    for (const value of values) {
      for (let index = text.indexOf(value); index !== -1; index = text.indexOf(value, index + 1)) findings.push({ kind, value, index });
    }
  };
  literal('name', RAW_NAMES);
  literal('idCard', RAW_ID_CARDS);
  literal('mobile', RAW_MOBILES);
  for (const match of text.matchAll(ID_PATTERN)) {
    if (gbCheckChar(match[0].slice(0, 17)) === match[0][17].toUpperCase()) findings.push({ kind: 'idCard', value: match[0], index: match.index });
  }
  for (const match of text.matchAll(MOBILE_PATTERN)) findings.push({ kind: 'mobile', value: match[0], index: match.index });
  // One finding per place: the literal list and the patterns often see the same value.
  findings.sort((a, b) => a.index - b.index || b.value.length - a.value.length);
  let end = -1;
  return findings.filter((finding) => {
    if (finding.index < end) return false;
    end = finding.index + finding.value.length;
    return true;
  });
}

/** A short excerpt around a finding with every raw value in it masked, safe to print in CI. */
export function redactedExcerpt(text: string, finding: Finding): string {
  let excerpt = text.slice(Math.max(0, finding.index - 60), finding.index + finding.value.length + 60);
  for (const found of findRawData(excerpt).sort((a, b) => b.index - a.index)) {
    const { value } = found;
    const masked = value.length <= 2 ? `${value[0]}*` : `${value.slice(0, 2)}${'*'.repeat(value.length - 4)}${value.slice(-2)}`;
    excerpt = excerpt.slice(0, found.index) + `<raw ${found.kind} ${masked}>` + excerpt.slice(found.index + value.length);
  }
  return excerpt.replace(/\s+/g, ' ');
}
