import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { checkMobile, MOBILE_LENGTH } from '../domain';
import { useVendorMode } from '../hooks/useVendorMode';
import { phoneCodeOf, type RealtimePhoneDetail } from '../pages/form/checkOutcome';

interface Props {
  hasCode: boolean;
  /** Why there is no usable code (refused, or a PHONE_* answer). */
  error: string | null;
  disabled: boolean;
  onCode: (code: string | null) => void;
  onRefused: (message: string) => void;
}

/**
 * The mobile proven by WeChat instead of typed: weapp's real-time phone number button, or in the
 * h5 sandbox a stand-in that sends `sandbox:<11 digits>`, which only the sandbox exchange accepts.
 */
export function WechatPhone({ hasCode, error, disabled, onCode, onRefused }: Props) {
  const mode = useVendorMode();
  const [sandboxOpen, setSandboxOpen] = useState(false);
  const [sandboxMobile, setSandboxMobile] = useState('');
  const weapp = process.env.TARO_ENV === 'weapp';

  // A code is spent by a check; the sandbox then starts over, as WeChat's button must be tapped again.
  useEffect(() => {
    if (!hasCode && checkMobile(sandboxMobile).ok) {
      setSandboxOpen(false);
      setSandboxMobile('');
    }
  }, [hasCode, sandboxMobile]);

  const onSandboxInput = (value: string) => {
    setSandboxMobile(value);
    const r = checkMobile(value);
    onCode(r.ok ? `sandbox:${r.value}` : null);
  };
  const sandboxComplaint = (() => {
    const r = checkMobile(sandboxMobile);
    return !r.ok && sandboxMobile.length >= MOBILE_LENGTH ? r.message : null;
  })();

  return (
    <View id="phone-cell" className={`cell${error ? ' cell-invalid' : ''}`}>
      <View className="cell-row">
        <Text className="cell-label">手机号码</Text>
        {weapp && (
          <Button
            id="phone-button"
            className="btn btn-default btn-inline"
            openType="getRealtimePhoneNumber"
            disabled={disabled}
            onGetRealTimePhoneNumber={(e) => {
              const r = phoneCodeOf(e.detail as RealtimePhoneDetail);
              if (r.ok) onCode(r.code);
              else onRefused(r.message);
            }}
          >
            {hasCode ? '重新获取' : '使用微信手机号'}
          </Button>
        )}
        {!weapp && mode === 'sandbox' && !sandboxOpen && (
          <Button id="phone-sandbox-button" className="btn btn-default btn-inline" disabled={disabled} onClick={() => setSandboxOpen(true)}>
            使用微信手机号（沙箱）
          </Button>
        )}
        {!weapp && mode === 'sandbox' && sandboxOpen && (
          <Input
            id="sandbox-phone"
            className="cell-input"
            type="number"
            maxlength={MOBILE_LENGTH}
            placeholder="沙箱：微信绑定的11位手机号"
            value={sandboxMobile}
            disabled={disabled}
            onInput={(e) => onSandboxInput(e.detail.value)}
          />
        )}
      </View>
      {!weapp && mode !== 'sandbox' && (
        <Text id="phone-unavailable" className="field-hint">
          本服务的手机号须由微信验证，请在微信小程序中核验。
        </Text>
      )}
      {hasCode && !error && (
        <Text id="phone-ready" className="field-hint">
          {weapp ? '已获取微信验证的手机号，将用它核验。' : '已获取（沙箱模拟），将用它核验。'}
        </Text>
      )}
      {(error || sandboxComplaint) && (
        <Text id="phone-error" className="field-error">
          {error ?? sandboxComplaint}
        </Text>
      )}
    </View>
  );
}
