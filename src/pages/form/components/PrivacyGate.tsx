import { Button, Text, View } from '@tarojs/components';
import { PRIVACY_AGREE_BUTTON_ID, type usePrivacyAuthorization } from '../hooks/usePrivacyAuthorization';

type Privacy = ReturnType<typeof usePrivacyAuthorization>;

/**
 * The WeChat privacy prompt above the form while the person has not agreed: what is collected and
 * why, the guide, and the agree button WeChat requires (`openType="agreePrivacyAuthorization"`).
 */
export function PrivacyGate({ privacy }: { privacy: Privacy }) {
  if (privacy.state === 'unknown') {
    return (
      <View id="privacy-gate" className="notice-box notice-box-warn">
        <Text id="privacy-unknown" className="privacy-text">
          暂时无法确认您是否已同意《{privacy.guideName}》，因此暂时不能填写信息。请稍后重试。
        </Text>
        <Button id="privacy-retry" className="btn btn-default" onClick={privacy.retry}>
          重试
        </Button>
      </View>
    );
  }
  if (privacy.state !== 'needed' && privacy.state !== 'refused') return null;
  const guide = `《${privacy.guideName}》`;
  const refused = privacy.state === 'refused';
  return (
    <View id="privacy-gate" className={`notice-box ${refused ? 'notice-box-warn' : 'notice-box-info'}`}>
      {refused ? (
        <Text id="privacy-refused" className="privacy-text">
          您未同意{guide}，因此暂时不能填写信息或核验。如改变主意，可阅读指引后点击“同意并继续”。
        </Text>
      ) : (
        <Text id="privacy-explain" className="privacy-text">
          填写前请阅读并同意{guide}：本小程序将收集您填写的姓名、身份证件号码和手机号码，仅用于本次实名核验。
        </Text>
      )}
      <Text id="privacy-open-guide" className="link privacy-link" onClick={privacy.openGuide}>
        查看{guide}
      </Text>
      <Button
        id={PRIVACY_AGREE_BUTTON_ID}
        className="btn btn-primary"
        openType="agreePrivacyAuthorization"
        onAgreePrivacyAuthorization={privacy.agree}
      >
        同意并继续
      </Button>
      {!refused && (
        <Button id="privacy-refuse" className="btn btn-default" onClick={privacy.refuse}>
          不同意
        </Button>
      )}
    </View>
  );
}
