/** Masked forms of the three fields: the only form in which they leave the function. */
export interface MaskedFields {
  name: string;
  idCard: string;
  mobile: string;
}

const stars = (count: number): string => '*'.repeat(Math.max(0, count));

/** Keeps the first character (code point, so rare characters stay whole). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length === 0 ? '' : chars[0] + stars(chars.length - 1);
}

/** Keeps the first 2 and last 2 characters. */
export function maskIdCard(idCard: string): string {
  if (idCard.length <= 4) return stars(idCard.length);
  return idCard.slice(0, 2) + stars(idCard.length - 4) + idCard.slice(-2);
}

/** Keeps the first 3 and last 4 digits. */
export function maskMobile(mobile: string): string {
  if (mobile.length <= 7) return stars(mobile.length);
  return mobile.slice(0, 3) + stars(mobile.length - 7) + mobile.slice(-4);
}

export const maskFields = (fields: MaskedFields): MaskedFields => ({
  name: maskName(fields.name),
  idCard: maskIdCard(fields.idCard),
  mobile: maskMobile(fields.mobile),
});
