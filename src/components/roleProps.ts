/**
 * An ARIA role on a Taro View or Text: `role` in a browser; `aria-role` in WeChat, which reads no
 * `role` (and `aria-role` is no valid attribute in a browser).
 */
export const roleProps = (role: string): Record<string, string> => (process.env.TARO_ENV === 'h5' ? { role } : { 'aria-role': role });
