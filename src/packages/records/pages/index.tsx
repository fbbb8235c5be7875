import { Button, Text, View } from '@tarojs/components';
import { SandboxBanner } from '../../../components/SandboxBanner';
import { useMyRecords } from '../useMyRecords';
import { useWithdrawConsent } from '../../../hooks/useWithdrawConsent';
import { ConsentList, VerificationList } from '../RecordLists';
import { PageView } from '../../../components/PageView';

/** 我的核验记录: what this service keeps about the person (masked), deleting it, withdrawing consent. */
export default function RecordsPage() {
  const { state, reload, deleteAll, deleting, deleteError } = useMyRecords();
  const withdrawal = useWithdrawConsent();
  const error = deleteError ?? withdrawal.error;

  return (
    <PageView>
      <SandboxBanner />
      <View className="page-header">
        <Text className="page-title">我的核验记录</Text>
        <Text className="page-desc">本服务保存的与您有关的记录；时间为北京时间，个人信息已部分隐藏。</Text>
      </View>

      {state.phase === 'loading' && (
        <Text id="records-loading" className="footnote">
          正在加载…
        </Text>
      )}
      {state.phase === 'error' && (
        <View id="records-error" className="notice-box notice-box-error">
          <Text>{state.message}</Text>
          <Text id="records-retry" className="link" onClick={reload}>
            重试
          </Text>
        </View>
      )}
      {state.phase === 'empty' && (
        <Text id="records-empty" className="footnote">
          没有保存任何与您有关的核验记录或授权记录。
        </Text>
      )}
      {state.phase === 'ready' && (
        <View>
          <VerificationList records={state.records} />
          <ConsentList consents={state.consents} />
        </View>
      )}

      {error && (
        <View id="records-action-error" className="notice-box notice-box-error">
          {error}
        </View>
      )}
      <View className="btn-area">
        <Button
          id="delete-all"
          className={`btn btn-default${state.phase === 'ready' && !deleting ? '' : ' btn-disabled'}`}
          disabled={state.phase !== 'ready' || deleting}
          onClick={deleteAll}
        >
          {deleting ? '正在删除…' : '删除全部记录'}
        </Button>
        <Button id="withdraw-consent" className="btn btn-default" disabled={withdrawal.busy} onClick={withdrawal.withdraw}>
          撤回授权
        </Button>
      </View>
      <Text className="footnote">删除后无法恢复；核验次数限制不会因删除而重置。撤回授权后需重新同意才能核验。</Text>
    </PageView>
  );
}
