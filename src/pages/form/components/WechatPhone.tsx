import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { checkMobile, MOBILE_LENGTH, WECHAT_PHONE_LABEL } from '../../../domain';
import { useVendorMode } from '../../../hooks/useVendorMode';
import { phoneCodeOf, type RealtimePhoneDetail } from '../formOutcome';

interface Props {
  hasCode: boolean;
  /** Why there is no usable code (refused, or a PHONE_* answer). */
  error: string | null;
  /** Counts spent codes: a new attempt starts the sandbox stand-in over, as WeChat's button must be tapped again. */
  attempt: number;
  disabled: boolean;
  onCode: (code: string | null) => void;
  onRefused: (message: string) => void;
}

/** h5 sandbox: a tap opens a small input for the number WeChat would have proven; sends `sandbox:<11 digits>`. */
function SandboxPhone({ disabled, onCode }: Pick<Props, 'disabled' | 'onCode'>) {
  const [open, setOpen] = useState(false);
  const [mobile, setMobile] = useState('');
  const result = checkMobile(mobile);
  const complaint = !result.ok && mobile.length >= MOBILE_LENGTH ? result.message : null;
  if (!open) {
    return (
      <Button id="phone-sandbox-button" className="btn btn-default btn-inline" disabled={disabled} onClick={() => setOpen(true)}>
        {WECHAT_PHONE_LABEL}（沙箱）
      </Button>
    );
  }
  return (
    <View className="cell-input">
      <Input
        id="sandbox-phone"
        type="number"
        maxlength={MOBILE_LENGTH}
        placeholder="沙箱：微信绑定的11位手机号"
        value={mobile}
        disabled={disabled}
        onInput={(e) => {
          setMobile(e.detail.value);
          const r = checkMobile(e.detail.value);
          onCode(r.ok ? `sandbox:${r.value}` : null);
        }}
      />
      {complaint && (
        <Text id="sandbox-phone-error" className="field-error">
          {complaint}
        </Text>
      )}
    </View>
  );
}

/**
 * The mobile proven by WeChat instead of typed: weapp's real-time phone number button, or in the
 * h5 sandbox a stand-in whose code only the sandbox exchange accepts.
 */
export function WechatPhone({ hasCode, error, attempt, disabled, onCode, onRefused }: Props) {
  const mode = useVendorMode();
  const weapp = process.env.TARO_ENV === 'weapp';
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
            {hasCode ? '重新获取' : WECHAT_PHONE_LABEL}
          </Button>
        )}
        {!weapp && mode === 'sandbox' && <SandboxPhone key={attempt} disabled={disabled} onCode={onCode} />}
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
      {error && (
        <Text id="phone-error" className="field-error">
          {error}
        </Text>
      )}
    </View>
  );
}
