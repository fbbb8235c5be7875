import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Label, Text, View } from '@tarojs/components';
import {
  checkIdCard,
  checkMobile,
  checkName,
  chinaDate,
  ERROR_MESSAGES,
  ID_CARD_LENGTH,
  MOBILE_LENGTH,
  type ClientErrorCode,
  type FieldName,
} from '../../domain';
import { SandboxBanner } from '../../components/SandboxBanner';
import { useMobileCheck } from '../../hooks/useMobileCheck';
import { currentAgreement } from '../../services/agreement';
import { clearConsent, consentState, readConsent } from '../../services/consentStore';
import { setLastResult } from '../../services/resultStore';
import { ROUTES } from '../../services/routes';
import type { ClientRefused } from '../../services/mobileCheckClient';

type Values = Record<FieldName, string>;
type Flags = Record<FieldName, boolean>;
type Messages = Partial<Record<FieldName, string>>;

const FIELDS: FieldName[] = ['name', 'idCard', 'mobile'];
const OUTDATED_AGREEMENT_MESSAGE = '《个人信息授权书》已更新，请关闭并重新打开小程序，阅读新版授权书后再核验。';

interface InputSpec {
  name: FieldName;
  label: string;
  type: 'text' | 'idcard' | 'number';
  placeholder: string;
  maxlength: number;
}
// `idcard` and `number` bring up WeChat's ID-number and digit keyboards.
const INPUTS: InputSpec[] = [
  { name: 'name', label: '姓名', type: 'text', placeholder: '与身份证上一致', maxlength: 40 },
  { name: 'idCard', label: '身份证号码', type: 'idcard', placeholder: '18位居民身份证号码', maxlength: ID_CARD_LENGTH },
  { name: 'mobile', label: '手机号码', type: 'number', placeholder: '11位手机号码', maxlength: MOBILE_LENGTH },
];
const EMPTY: Values = { name: '', idCard: '', mobile: '' };
const UNTOUCHED: Flags = { name: false, idCard: false, mobile: false };

function validate(values: Values) {
  return {
    name: checkName(values.name),
    idCard: checkIdCard(values.idCard, chinaDate(Date.now())),
    mobile: checkMobile(values.mobile),
  };
}

/** Show a field's complaint once it was left, once it reached full length, or for a wrong character. */
function shouldShow(field: FieldName, value: string, touched: boolean, reason: string): boolean {
  if (touched) return true;
  const length = value.trim().length;
  if (field === 'idCard') return length >= ID_CARD_LENGTH || reason === 'characters';
  if (field === 'mobile') return length >= MOBILE_LENGTH || reason === 'characters';
  return false;
}

interface FormError {
  code: ClientErrorCode;
  message: string;
  traceId: string;
}

function formErrorOf(response: ClientRefused): FormError {
  // RATE_LIMITED: the function's message names the limit and the wait; other codes read the same
  // from the shared table, which also covers a function older than this page.
  const message = response.code === 'RATE_LIMITED' ? response.message : ERROR_MESSAGES[response.code] ?? response.message;
  return { code: response.code, message, traceId: response.traceId };
}

export default function FormPage() {
  const agreement = currentAgreement();
  const check = useMobileCheck();
  const [values, setValues] = useState<Values>(EMPTY);
  const [touched, setTouched] = useState<Flags>(UNTOUCHED);
  const [serverErrors, setServerErrors] = useState<Messages>({});
  const [formError, setFormError] = useState<FormError | null>(null);

  // Opened without (current) consent: the agreement comes first.
  useEffect(() => {
    if (consentState(agreement.version) !== 'current') Taro.redirectTo({ url: ROUTES.agreement });
  }, [agreement.version]);

  const results = validate(values);
  const allValid = FIELDS.every((f) => results[f].ok);
  const messageOf = (field: FieldName): string | undefined => {
    const r = results[field];
    if (!r.ok && shouldShow(field, values[field], touched[field], r.reason)) return r.message;
    return serverErrors[field];
  };

  const onInput = (field: FieldName) => (e: { detail: { value: string } }) => {
    const value = e.detail.value;
    setValues((v) => ({ ...v, [field]: value }));
    setServerErrors((m) => (m[field] ? { ...m, [field]: undefined } : m));
  };
  const onBlur = (field: FieldName) => () => setTouched((t) => (t[field] ? t : { ...t, [field]: true }));

  const goToAgreement = (reason?: string) => {
    Taro.reLaunch({ url: reason ? `${ROUTES.agreement}?reason=${reason}` : ROUTES.agreement });
  };

  const submit = async () => {
    if (check.loading) return;
    setTouched({ name: true, idCard: true, mobile: true });
    const r = validate(values);
    if (!r.name.ok || !r.idCard.ok || !r.mobile.ok) return;
    const stored = readConsent();
    if (!stored || stored.version !== agreement.version) {
      goToAgreement('consent');
      return;
    }
    setFormError(null);
    const response = await check.submit({
      name: r.name.value,
      idCard: r.idCard.value,
      mobile: r.mobile.value,
      consent: { agreementVersion: agreement.version, accepted: true, acceptedAt: stored.acceptedAt },
    });
    if (!response) return; // a check is already on its way
    if (response.ok) {
      setLastResult(response);
      Taro.redirectTo({ url: ROUTES.result });
      return;
    }
    if (response.code === 'CONSENT_REQUIRED') {
      // Another version on the server means this copy of the mini-program is out of date:
      // agreeing again to the text shown here could not help, so say what will.
      if (response.agreementVersion && response.agreementVersion !== agreement.version) {
        setFormError({ code: response.code, message: OUTDATED_AGREEMENT_MESSAGE, traceId: response.traceId });
        return;
      }
      clearConsent();
      goToAgreement('consent');
      return;
    }
    // The function names the field for INVALID_NAME / INVALID_ID_CARD / INVALID_MOBILE.
    const { field } = response;
    if (field) {
      setServerErrors((m) => ({ ...m, [field]: response.message || ERROR_MESSAGES[response.code] }));
      return;
    }
    setFormError(formErrorOf(response));
  };

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回授权',
      content: '撤回后将不能继续核验，需重新阅读并同意《个人信息授权书》。撤回不影响撤回前已完成的核验。',
      confirmText: '撤回',
      confirmColor: '#fa5151',
      cancelText: '取消',
    });
    if (!confirm) return;
    clearConsent();
    goToAgreement();
  };

  const viewAgreement = () => Taro.navigateTo({ url: `${ROUTES.agreement}?review=1` });

  const renderField = (input: InputSpec) => {
    const message = messageOf(input.name);
    return (
      <View key={input.name} className={`cell${message ? ' cell-invalid' : ''}`}>
        <View className="cell-row">
          <Label className="cell-label" for={input.name}>
            {input.label}
          </Label>
          <Input
            id={input.name}
            className="cell-input"
            type={input.type}
            placeholder={input.placeholder}
            maxlength={input.maxlength}
            value={values[input.name]}
            onInput={onInput(input.name)}
            onBlur={onBlur(input.name)}
          />
        </View>
        {message && (
          <Text id={`${input.name}-error`} className="field-error">
            {message}
          </Text>
        )}
      </View>
    );
  };

  return (
    <View className="page">
      <SandboxBanner />
      <View className="page-header">
        <Text className="page-title">手机号实名核验</Text>
        <Text className="page-desc">核验姓名、身份证号码与手机号码是否属于同一人</Text>
      </View>

      <Text className="cells-title">请填写本人信息</Text>
      <View className="cells">
        {INPUTS.map(renderField)}
      </View>

      {formError && (
        <View id="form-error" className="notice-box notice-box-error">
          <Text>{formError.message}</Text>
          {formError.traceId && (
            <Text className="notice-trace" userSelect selectable>
              核验编号：{formError.traceId}
            </Text>
          )}
        </View>
      )}

      <View className="btn-area">
        <Button
          id="submit"
          className={`btn btn-primary${allValid && !check.loading ? '' : ' btn-disabled'}`}
          disabled={!allValid || check.loading}
          onClick={submit}
        >
          {check.loading ? '正在核验…' : '开始核验'}
        </Button>
      </View>

      <View className="links">
        <Text id="view-agreement" className="link" onClick={viewAgreement}>
          查看授权书
        </Text>
        <Text id="withdraw" className="link" onClick={withdraw}>
          撤回授权
        </Text>
      </View>
      <Text className="footnote">
        我们不保存您填写的原始信息；核验结果中的个人信息已做部分隐藏。
      </Text>
    </View>
  );
}
