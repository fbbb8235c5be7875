import Taro from '@tarojs/taro';

/** What is kept on the phone after a person agrees: which text they agreed to, and when. */
export interface StoredConsent {
  version: string;
  acceptedAt: number;
}

export const CONSENT_STORAGE_KEY = 'mobileCheck.consent';

export function readConsent(): StoredConsent | null {
  try {
    const value: unknown = Taro.getStorageSync(CONSENT_STORAGE_KEY);
    if (value && typeof value === 'object') {
      const { version, acceptedAt } = value as Partial<StoredConsent>;
      if (typeof version === 'string' && typeof acceptedAt === 'number') return { version, acceptedAt };
    }
  } catch {
    // Unreadable storage counts as no consent: the agreement is shown again.
  }
  return null;
}

export function saveConsent(version: string, now: number = Date.now()): StoredConsent {
  const consent = { version, acceptedAt: now };
  Taro.setStorageSync(CONSENT_STORAGE_KEY, consent);
  return consent;
}

export function clearConsent(): void {
  try {
    Taro.removeStorageSync(CONSENT_STORAGE_KEY);
  } catch {
    Taro.setStorageSync(CONSENT_STORAGE_KEY, '');
  }
}

/** 'current' when the stored consent is for this text, 'outdated' when for another, 'none' otherwise. */
export function consentState(currentVersion: string): 'current' | 'outdated' | 'none' {
  const stored = readConsent();
  if (!stored) return 'none';
  return stored.version === currentVersion ? 'current' : 'outdated';
}
