/** Order statistics over measured samples (milliseconds or bytes). */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

export const median = (samples: number[]): number => quantile(samples, 0.5);

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; returns each duration. */
export async function timed(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const start = performance.now();
      await task(i);
      durations[i] = performance.now() - start;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return durations;
}
