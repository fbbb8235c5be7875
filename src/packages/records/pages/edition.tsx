import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { PageView } from '../../../components/PageView';
import { SandboxBanner } from '../../../components/SandboxBanner';
import { AgreementText } from '../../../components/AgreementText';
import { editionText } from '../editions';

/** One edition of the agreement, in full: the one a consent in 我的核验记录 was given for. */
export default function EditionPage() {
  const { params } = useRouter();
  const agreement = editionText(params.version ?? '');
  return (
    <PageView>
      <SandboxBanner />
      {agreement ? (
        <AgreementText agreement={agreement} />
      ) : (
        <Text id="edition-missing" className="footnote">
          找不到校验码为 {params.version} 的授权书版本。请联系运营方索取该版本的全文。
        </Text>
      )}
    </PageView>
  );
}
