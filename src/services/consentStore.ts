import Taro from '@tarojs/taro';
import type { AcceptAnswer } from '../domain';

/** What is kept on the phone after the function registered a consent: its id, the text and edition, and the function's time. */
export interface StoredConsent {
  consentId: string;
  version: string;
  acceptedAt: number;
  edition: string;
}

export const CONSENT_STORAGE_KEY = 'mobileCheck.consent';

/** A consent stored by an older build (no consentId) counts as none: the agreement is shown again. */
export function readConsent(): StoredConsent | null {
  try {
    const value: unknown = Taro.getStorageSync(CONSENT_STORAGE_KEY);
    if (value && typeof value === 'object') {
      const { consentId, version, acceptedAt, edition } = value as Partial<StoredConsent>;
      if (typeof consentId === 'string' && typeof version === 'string' && typeof acceptedAt === 'number' && typeof edition === 'string') {
        return { consentId, version, acceptedAt, edition };
      }
    }
  } catch {
    // Unreadable storage counts as no consent: the agreement is shown again.
  }
  return null;
}

/** Keeps the consent exactly as the function answered it (its clock, not the phone's). */
export function saveConsent(answer: Pick<AcceptAnswer, 'consentId' | 'agreementVersion' | 'acceptedAt' | 'edition'>): StoredConsent {
  const consent = { consentId: answer.consentId, version: answer.agreementVersion, acceptedAt: answer.acceptedAt, edition: answer.edition };
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
