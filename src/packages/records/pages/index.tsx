import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CONTACT_LABEL, COPY_LABEL, DELETE_LABEL, EXPORT_LABEL, MY_RECORDS_PAGE, WITHDRAW_LABEL } from '../../../domain';
import { SandboxBanner } from '../../../components/SandboxBanner';
import { useWithdrawConsent } from '../../../hooks/useWithdrawConsent';
import { operatorSettings } from '../../../operator/settings';
import { PageView } from '../../../components/PageView';
import { exportRecords } from '../exportRecords';
import { ConsentList, LimitsSummary, VerificationList } from '../RecordLists';
import { limitsWords, recordsJson, recordsText } from '../recordsText';
import { useMyRecords } from '../useMyRecords';

/**
 * 我的核验记录: everything this service keeps about the person (PIPL art. 45), copying and exporting
 * it, deleting it, withdrawing consent, and how to ask for more (art. 46, 48).
 */
export default function RecordsPage() {
  const { state, reload, deleteAll, deleting, deleted, deleteError } = useMyRecords();
  const withdrawal = useWithdrawConsent();
  const [notice, setNotice] = useState<string | null>(null);
  const error = deleteError ?? withdrawal.error;
  const data = state.phase === 'ready' ? state.data : null;
  const nothingKept = data !== null && data.records.length === 0 && data.consents.length === 0;

  const copy = async () => {
    if (!data) return;
    try {
      await Taro.setClipboardData({ data: recordsText(data) });
      setNotice('已复制全部记录。');
    } catch {
      setNotice('复制未完成，请改用“导出”。');
    }
  };
  const removeAll = () => {
    setNotice(null);
    void deleteAll();
  };
  const exportAll = async () => {
    if (!data) return;
    try {
      await exportRecords(recordsJson(data));
      setNotice('已导出全部记录（JSON）。');
    } catch {
      setNotice('导出未完成，请改用“复制全部”。');
    }
  };

  return (
    <PageView>
      <SandboxBanner />
      <View className="page-header">
        <Text className="page-title">{MY_RECORDS_PAGE}</Text>
        <Text className="page-desc">本服务保存的与您有关的全部记录；时间为北京时间，个人信息已部分隐藏。</Text>
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
      {data && nothingKept && (
        <View id="records-empty" className="notice-box notice-box-info">
          <Text>{deleted ? '已删除您的核验记录和同意记录。' : '没有保存任何与您有关的核验记录或同意记录。'}</Text>
          <Text id="records-remaining">
            仍保留的：{limitsWords(data.limits)}云函数运行日志只含遮盖后的信息和核验编号，由云开发平台按其日志保存期限删除。
          </Text>
        </View>
      )}
      {data && !nothingKept && (
        <View>
          <VerificationList records={data.records} />
          <ConsentList consents={data.consents} />
          <LimitsSummary limits={data.limits} />
        </View>
      )}

      {notice && (
        <Text id="records-notice" className="footnote">
          {notice}
        </Text>
      )}
      {error && (
        <View id="records-action-error" className="notice-box notice-box-error">
          {error}
        </View>
      )}
      <View className="btn-area">
        <Button id="copy-all" className={`btn btn-default${data ? '' : ' btn-disabled'}`} disabled={!data} onClick={copy}>
          {COPY_LABEL}
        </Button>
        <Button id="export-all" className={`btn btn-default${data ? '' : ' btn-disabled'}`} disabled={!data} onClick={exportAll}>
          {EXPORT_LABEL}
        </Button>
        <Button
          id="delete-all"
          className={`btn btn-default${data && !nothingKept && !deleting ? '' : ' btn-disabled'}`}
          disabled={!data || nothingKept || deleting}
          onClick={removeAll}
        >
          {deleting ? '正在删除…' : DELETE_LABEL}
        </Button>
        <Button id="withdraw-consent" className="btn btn-default" disabled={withdrawal.busy} onClick={withdrawal.withdraw}>
          {WITHDRAW_LABEL}
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button id="contact" className="btn btn-default" openType="contact">
            {CONTACT_LABEL}
          </Button>
        )}
      </View>
      <Text id="records-requests" className="footnote">
        如需更正、补充或解释，或对记录有疑问，请{process.env.TARO_ENV === 'weapp' ? `点“${CONTACT_LABEL}”或` : ''}发邮件至 {operatorSettings.contact}，我们在 {operatorSettings.responseDays} 个工作日内答复。
      </Text>
      <Text className="footnote">删除后无法恢复；次数计数不会因删除而重置。{WITHDRAW_LABEL}后立即删除核验记录，需重新同意才能核验。</Text>
    </PageView>
  );
}
