// What people paste: groups split by spaces or dashes, full-width forms (０-９, Ｘ, ＋, －) from Chinese
// input methods, and characters nobody sees: iOS Contacts wraps a copied number in U+202D … U+202C,
// web pages and chat apps leave zero-width spaces, soft hyphens and byte-order marks behind.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFE63]/gu;

/**
 * Invisible format characters removed from every field before any check: zero-width space, non-joiner
 * and joiner (U+200B–U+200D), word joiner (U+2060), byte-order mark (U+FEFF), soft hyphen (U+00AD),
 * left-to-right and right-to-left marks (U+200E, U+200F), bidi embeddings and overrides (U+202A–U+202E)
 * and bidi isolates (U+2066–U+2069). No name, ID or mobile contains one, and nobody can see one to
 * delete it.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

export const removeInvisible = (text: string): string => text.replace(INVISIBLE, '');

/** Invisible characters go, full-width ASCII forms become ASCII; white space (U+3000 included) and dashes go. */
export const unpaste = (text: string): string =>
  removeInvisible(text)
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(SEPARATORS, '');
