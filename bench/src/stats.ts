/** Latency summaries: nearest-rank percentiles over the samples, in milliseconds. */
export interface Summary { n: number; p50: number; p95: number; p99: number; max: number; mean: number; perSecond: number }

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** `perSecond`: sequential throughput (1000 / mean) unless a wall time is given. */
export function summarise(samples: number[], wallMs?: number): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(mean),
    perSecond: round(wallMs ? (sorted.length / wallMs) * 1000 : mean > 0 ? 1000 / mean : 0),
  };
}
