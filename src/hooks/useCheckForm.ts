import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CheckRequest, FieldName } from '../domain';
import { outcomeOf, type CheckOutcome, type FormError } from '../pages/form/checkOutcome';
import { ALL_TOUCHED, EMPTY, FIELDS, fieldMessage, nameHint, UNTOUCHED, validate, type Flags, type Values } from '../pages/form/formView';
import { currentAgreement } from '../services/agreement';
import { clearConsent, consentState, readConsent } from '../services/consentStore';
import { keepPerson, takeKeptPerson } from '../services/keptPerson';
import { forgetStatus } from '../services/launchStatus';
import { setLastResult } from '../services/resultStore';
import { ROUTES } from '../services/routes';
import { useMobileCheck } from './useMobileCheck';
import { usePhoneSource } from './usePhoneSource';

type Messages = Partial<Record<FieldName, string>>;

const goToAgreement = (reason?: string) => Taro.reLaunch({ url: reason ? `${ROUTES.agreement}?reason=${reason}` : ROUTES.agreement });

/**
 * The form's use case: fields checked as typed, consent read at submit, one check at a time, and
 * the answer routed by `outcomeOf`. With `phoneSource` "wechat" the mobile is a one-time code from
 * WeChat (or the sandbox) instead of the mobile field.
 */
export function useCheckForm() {
  const agreement = currentAgreement();
  const check = useMobileCheck();
  const phoneSource = usePhoneSource() ?? 'typed';
  // After “换一个号码”: name and ID come back, the mobile starts empty.
  const [kept] = useState(takeKeptPerson);
  const [values, setValues] = useState<Values>(() => ({ ...EMPTY, ...kept }));
  const [touched, setTouched] = useState<Flags>(UNTOUCHED);
  const [serverErrors, setServerErrors] = useState<Messages>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [phoneCode, setPhoneCode] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [phoneAttempt, setPhoneAttempt] = useState(0);
  // The first field that cannot pass at submit, or the one the function refused: focused, so a
  // screen reader reads it with its complaint.
  const [focusField, setFocusField] = useState<FieldName | null>(null);

  // Opened without (current) consent: the agreement comes first.
  useEffect(() => {
    if (consentState(agreement.version) !== 'current') void Taro.redirectTo({ url: ROUTES.agreement });
  }, [agreement.version]);

  // Today, for the ID's birth date while typing; submit reads the clock again.
  const [openedAt] = useState(() => Date.now());
  const results = validate(values, openedAt);
  const wechat = phoneSource === 'wechat';
  const messageOf = (field: FieldName) => fieldMessage(field, values[field], touched[field], results[field], serverErrors[field]);

  const onInput = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setServerErrors((m) => (m[field] ? { ...m, [field]: undefined } : m));
  };
  const onBlur = (field: FieldName) => {
    setTouched((t) => (t[field] ? t : { ...t, [field]: true }));
    setFocusField(null);
  };

  const onPhoneCode = (code: string | null) => {
    setPhoneCode(code);
    setPhoneError(null);
  };
  const onPhoneRefused = (message: string) => {
    setPhoneCode(null);
    setPhoneError(message);
  };

  const apply = (outcome: CheckOutcome, person: { name: string; idCard: string }) => {
    switch (outcome.kind) {
      case 'result':
        setLastResult(outcome.result);
        keepPerson(person);
        forgetStatus(); // a new 01 changes what `status` says
        void Taro.redirectTo({ url: ROUTES.result });
        return;
      case 'agreement':
        clearConsent();
        void goToAgreement('consent');
        return;
      case 'field':
        setServerErrors((m) => ({ ...m, [outcome.field]: outcome.message }));
        setFocusField(outcome.field);
        return;
      case 'phone':
        setPhoneError(outcome.message);
        return;
      case 'form':
        setFormError(outcome.error);
    }
  };

  const submit = async () => {
    if (check.loading) return;
    setTouched(ALL_TOUCHED);
    const r = validate(values, Date.now());
    // Typed fields that cannot pass: every complaint shows, and the focus goes to the first of them.
    const firstInvalid = FIELDS.find((field) => !(wechat && field === 'mobile') && !r[field].ok);
    if (firstInvalid) {
      setFocusField(firstInvalid);
      return;
    }
    if (!r.name.ok || !r.idCard.ok) return; // (checked above; narrows the types)
    let phone: Pick<CheckRequest, 'mobile' | 'phoneCode'> | null = null;
    if (wechat) phone = phoneCode ? { phoneCode } : null;
    else if (r.mobile.ok) phone = { mobile: r.mobile.value };
    if (!phone) return;
    const stored = readConsent();
    if (!stored || stored.version !== agreement.version) {
      void goToAgreement('consent');
      return;
    }
    setFormError(null);
    setPhoneError(null);
    // WeChat's code works once: whatever the answer, the next check needs a new one.
    if (wechat) {
      setPhoneCode(null);
      setPhoneAttempt((n) => n + 1);
    }
    const person = { name: r.name.value, idCard: r.idCard.value };
    const response = await check.submit({
      ...person,
      ...phone,
      consent: { agreementVersion: agreement.version, accepted: true, acceptedAt: stored.acceptedAt },
    });
    if (response) apply(outcomeOf(response, { agreementVersion: agreement.version, phoneSource }), person);
  };

  return {
    values,
    messageOf,
    nameHint: nameHint(values.name, results.name),
    /** The mobile field is empty because name and ID were kept: it gets the focus. */
    focusMobile: kept !== null,
    focusField,
    phoneSource,
    phone: { hasCode: phoneCode !== null, error: phoneError, attempt: phoneAttempt, onCode: onPhoneCode, onRefused: onPhoneRefused },
    formError,
    /**
     * Submit can be pressed: typed fields that cannot pass do not disable it (pressing it shows why and
     * focuses the first), but with WeChat's phone button the number must be fetched first.
     */
    submittable: !check.loading && (!wechat || phoneCode !== null),
    loading: check.loading,
    onInput,
    onBlur,
    submit,
  };
}
