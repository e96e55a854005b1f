// A tiny benchmark harness: run a case several times, report min / median / max, and compare
// it with a baseline measured in the same run (these machines are shared and noisy, so only
// same-run ratios mean anything).
export interface Figures {
  name: string;
  runs: number[];
  min: number;
  median: number;
  max: number;
}

export async function measure(name: string, runs: number, once: () => Promise<number>): Promise<Figures> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  const sorted = [...times].sort((a, b) => a - b);
  return { name, runs: times, min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}

/** Times one async call in milliseconds; setup done by the caller is not counted. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export function report(subject: Figures, baseline: Figures, unit: { count: number; label: string }): void {
  const rate = (ms: number) => ((unit.count / ms) * 1000).toFixed(0);
  const line = (f: Figures) =>
    `  ${f.name.padEnd(44)} median ${f.median.toFixed(1).padStart(8)} ms  (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)})  ${rate(f.median).padStart(7)} ${unit.label}/s`;
  console.log(line(subject));
  console.log(line(baseline));
  console.log(`  ratio subject/baseline (median): ${(subject.median / baseline.median).toFixed(2)}x`);
}
