/** "30秒", "5分钟", "1分30秒": how long to wait, for a person. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(Number.isFinite(seconds) ? seconds : 60));
  if (s < 60) return `${s}秒`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${hours}小时` : `${hours}小时${m}分钟`;
  }
  return rest === 0 ? `${minutes}分钟` : `${minutes}分${rest}秒`;
}
