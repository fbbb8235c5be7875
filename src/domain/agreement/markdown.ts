import type { Agreement } from './types';

/** One edition as Markdown, for docs/agreements/: the whole text as shown, with its label and hash. */
export function agreementMarkdown(agreement: Agreement): string {
  const section = (s: { heading: string; paragraphs: string[] }) => [`## ${s.heading}`, '', ...s.paragraphs.flatMap((p) => [p, ''])];
  return [
    `# ${agreement.title}`,
    '',
    `版本：${agreement.label}（校验码 ${agreement.version}）`,
    '',
    ...section(agreement.notice),
    ...agreement.body.flatMap(section),
  ].join('\n');
}
