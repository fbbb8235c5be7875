// What people paste into number fields: groups split by spaces or dashes, and full-width forms
// (０-９, Ｘ, ＋, －) from Chinese input methods. Any other character is left for the checks to refuse.
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFE63]/gu;

/** Full-width ASCII forms become ASCII; white space (U+3000 included) and dashes go. */
export const unpaste = (text: string): string =>
  text
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(SEPARATORS, '');
