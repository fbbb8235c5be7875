import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CheckRequest, FieldName } from '../../../domain';
import { formOutcomeOf, type FormOutcome, type FormError } from '../formOutcome';
import { ALL_TOUCHED, EMPTY, FIELDS, fieldMessage, nameHint, UNTOUCHED, validate, type Flags, type Values } from '../formView';
import { currentAgreement } from '../../../services/agreement';
import { clearConsent, consentState, readConsent } from '../../../services/consentStore';
import { askForUpdate } from '../../../services/appUpdate';
import { keepPerson, takeKeptPerson } from '../../../services/keptPerson';
import { forgetStatus } from '../../../services/launchStatus';
import { setLastResult } from '../../../services/resultStore';
import { ROUTES } from '../../../services/routes';
import { useMobileCheck } from './useMobileCheck';
import { usePhoneSource } from '../../../hooks/usePhoneSource';

type Messages = Partial<Record<FieldName, string>>;

const goToAgreement = (reason?: string) => Taro.reLaunch({ url: reason ? `${ROUTES.agreement}?reason=${reason}` : ROUTES.agreement });

/**
 * The form's use case: fields checked as typed, consent read at submit, one check at a time, and
 * the answer routed by `formOutcomeOf`. With `phoneSource` "wechat" the mobile is a one-time code from
 * WeChat (or the sandbox) instead of the mobile field.
 */
export function useCheckForm() {
  const knownSource = usePhoneSource();
  const phoneSource = knownSource ?? 'typed';
  const agreement = currentAgreement(phoneSource);
  const check = useMobileCheck();
  // After “换一个号码”: name and ID come back, the mobile starts empty.
  const [kept] = useState(takeKeptPerson);
  const [values, setValues] = useState<Values>(() => ({ ...EMPTY, ...kept }));
  const [touched, setTouched] = useState<Flags>(UNTOUCHED);
  const [serverErrors, setServerErrors] = useState<Messages>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [phoneCode, setPhoneCode] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [phoneAttempt, setPhoneAttempt] = useState(0);
  // The person's confirmation of this one check: unticked at first and after every check; pressing
  // 开始核验 without it says so beside the box.
  const [confirmed, setConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  // The first field that cannot pass at submit, or the one the function refused: focused, so a
  // screen reader reads it with its complaint.
  const [focusField, setFocusField] = useState<FieldName | null>(null);

  // Opened without (current) consent: the agreement comes first (once the phone source, and so the text, is known).
  useEffect(() => {
    if (knownSource && consentState(agreement.version) !== 'current') void Taro.redirectTo({ url: ROUTES.agreement });
  }, [knownSource, agreement.version]);

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

  const apply = (outcome: FormOutcome, person: { name: string; idCard: string }) => {
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
      case 'outdated':
        askForUpdate();
        setFormError(outcome.error);
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
    if (!confirmed) {
      setConfirmMissing(true);
      return;
    }
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
    const response = await check.submit({ ...person, ...phone, consent: { consentId: stored.consentId, thisCheck: true } });
    // Confirmed for that check only: the next one is confirmed again.
    setConfirmed(false);
    if (response) apply(formOutcomeOf(response, { agreementVersion: agreement.version, phoneSource }), person);
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
    agreementTitle: agreement.title,
    confirmed,
    /** Pressed 开始核验 without confirming this check. */
    confirmMissing: confirmMissing && !confirmed,
    onConfirm: (on: boolean) => {
      setConfirmed(on);
      if (on) setConfirmMissing(false);
    },
    /**
     * Submit can be pressed: typed fields that cannot pass, or a missing confirmation, do not disable
     * it (pressing it shows why), but with WeChat's phone button the number must be fetched first.
     */
    submittable: !check.loading && (!wechat || phoneCode !== null),
    loading: check.loading,
    onInput,
    onBlur,
    submit,
  };
}
