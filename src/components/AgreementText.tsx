import { Text, View } from '@tarojs/components';
import type { Agreement, AgreementSection } from '../domain';

function Section({ section, id }: { section: AgreementSection; id?: string }) {
  return (
    <View id={id}>
      <Text className="article-heading">{section.heading}</Text>
      {section.paragraphs.map((p, i) => (
        <Text key={i} className="article-paragraph">
          {p}
        </Text>
      ))}
    </View>
  );
}

/** The notice (why the data is needed, PIPL art. 30), the whole agreement, its edition label and content hash. */
export function AgreementText({ agreement }: { agreement: Agreement }) {
  return (
    <View>
      <View className="page-header">
        <Text className="page-title">{agreement.title}</Text>
        <Text className="page-desc">请在核验前完整阅读以下内容</Text>
        <Text id="agreement-label" className="page-desc">版本：{agreement.label}</Text>
      </View>
      <View id="agreement-notice" className="article">
        <Section section={agreement.notice} />
      </View>
      <View id="agreement-body" className="article">
        {agreement.body.map((s, i) => (
          <Section key={i} section={s} />
        ))}
      </View>
      {/* The content hash the function checks; small, for support requests. */}
      <Text id="agreement-version" className="footnote">校验码 {agreement.version}</Text>
    </View>
  );
}
