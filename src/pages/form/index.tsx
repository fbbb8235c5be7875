import Taro from '@tarojs/taro';
import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import { CHECK_CONFIRMATION_LABEL, CONFIRM_MISSING_MESSAGE, WITHDRAW_LABEL } from '../../domain';
import { ConsoleEntry } from '../../components/ConsoleEntry';
import { FieldCell } from './components/FieldCell';
import { roleProps } from '../../components/roleProps';
import { PrivacyGate } from './components/PrivacyGate';
import { SandboxBanner } from '../../components/SandboxBanner';
import { WechatPhone } from './components/WechatPhone';
import { useCheckForm } from './hooks/useCheckForm';
import { usePrivacyAuthorization } from './hooks/usePrivacyAuthorization';
import { useWithdrawConsent } from '../../hooks/useWithdrawConsent';
import { ROUTES } from '../../services/routes';
import { fieldSpecs } from './formView';
import { PageView } from '../../components/PageView';

const CONFIRM_VALUE = 'thisCheck';
// The confirmation's wording, with the agreement's title as a link in it.
const [before, after] = CHECK_CONFIRMATION_LABEL.split('《个人信息授权书》');
const openAgreement = () => Taro.navigateTo({ url: `${ROUTES.agreement}?review=1` });

export default function FormPage() {
  const form = useCheckForm();
  const privacy = usePrivacyAuthorization();
  const withdrawal = useWithdrawConsent();
  const specs = fieldSpecs();
  const locked = !privacy.ready;
  const cell = (field: 'name' | 'idCard' | 'mobile') => (
    <FieldCell
      spec={specs[field]}
      value={form.values[field]}
      message={form.messageOf(field)}
      hint={field === 'name' ? form.nameHint : undefined}
      disabled={locked}
      focus={((field === 'mobile' && form.focusMobile) || form.focusField === field) && !locked}
      onInput={form.onInput}
      onBlur={form.onBlur}
    />
  );

  return (
    <PageView>
      <SandboxBanner />
      <View className="page-header">
        <Text className="page-title">手机号实名核验</Text>
        <Text className="page-desc">核验姓名、身份证件号码与手机号码是否属于同一人</Text>
      </View>
      <PrivacyGate privacy={privacy} />

      <Text className="cells-title">请填写本人信息</Text>
      <View className="cells">
        {cell('name')}
        {cell('idCard')}
        {form.phoneSource === 'wechat' ? <WechatPhone {...form.phone} disabled={locked} /> : cell('mobile')}
      </View>

      {form.formError && (
        <View id="form-error" className="notice-box notice-box-error" {...roleProps('alert')} aria-live="assertive">
          <Text>{form.formError.message}</Text>
          {form.formError.traceId && (
            <Text className="notice-trace" userSelect selectable>
              核验编号：{form.formError.traceId}
            </Text>
          )}
        </View>
      )}

      <CheckboxGroup id="confirm-group" onChange={(e) => form.onConfirm(e.detail.value.includes(CONFIRM_VALUE))}>
        <Label className="agree-row" for="confirm-check">
          <Checkbox id="confirm-check" value={CONFIRM_VALUE} checked={form.confirmed} disabled={locked} color="#07c160" />
          <Text id="confirm-text" className="agree-text">
            {before}
            <Text id="confirm-agreement-link" className="link" onClick={openAgreement}>
              《{form.agreementTitle}》
            </Text>
            {after}
          </Text>
        </Label>
      </CheckboxGroup>
      {form.confirmMissing && (
        <Text id="confirm-error" className="field-error">
          {CONFIRM_MISSING_MESSAGE}
        </Text>
      )}

      <View className="btn-area">
        <Button
          id="submit"
          className={`btn btn-primary${form.submittable && !locked ? '' : ' btn-disabled'}`}
          disabled={!form.submittable || locked}
          onClick={form.submit}
        >
          {form.loading ? '正在核验…' : '开始核验'}
        </Button>
      </View>

      {withdrawal.error && (
        <View id="withdraw-error" className="notice-box notice-box-error">
          {withdrawal.error}
        </View>
      )}
      <View className="links">
        <Text id="view-agreement" className="link" onClick={openAgreement}>
          查看授权书
        </Text>
        <Text id="records-link" className="link" onClick={() => Taro.navigateTo({ url: ROUTES.records })}>
          我的核验记录
        </Text>
        <Text id="withdraw" className="link" onClick={withdrawal.withdraw}>
          {WITHDRAW_LABEL}
        </Text>
      </View>
      <Text className="footnote">我们不保存您填写的原始信息；核验结果中的个人信息已做部分隐藏。</Text>
      <ConsoleEntry />
    </PageView>
  );
}
