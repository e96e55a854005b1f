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
  return figures(name, times);
}

/**
 * Runs a case and its baseline alternately (case, baseline, case, ...): each pair shares the
 * machine's load of its moment, so their ratio means something even when the load moves.
 */
export async function measurePaired(
  names: [string, string],
  runs: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<[Figures, Figures]> {
  const [a, b] = await measureAlternated(names, runs, [subject, baseline]);
  return [a!, b!];
}

/** measurePaired for a case and several baselines: each run times them all, one after the other. */
export async function measureAlternated(names: readonly string[], runs: number, cases: readonly (() => Promise<number>)[]): Promise<Figures[]> {
  const times: number[][] = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, once] of cases.entries()) times[k]!.push(await once());
  }
  return times.map((t, k) => figures(names[k]!, t));
}

function figures(name: string, times: number[]): Figures {
  const sorted = [...times].sort((x, y) => x - y);
  return { name, runs: times, min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]! };
}

/** Times one async call in milliseconds; setup done by the caller is not counted. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export function report(subject: Figures, baseline: Figures, unit: { count: number; label: string }, paired = false): void {
  const rate = (ms: number) => ((unit.count / ms) * 1000).toFixed(0);
  const line = (f: Figures) =>
    `  ${f.name.padEnd(44)} median ${f.median.toFixed(1).padStart(8)} ms  (min ${f.min.toFixed(1)}, max ${f.max.toFixed(1)})  ${rate(f.median).padStart(7)} ${unit.label}/s`;
  console.log(line(subject));
  console.log(line(baseline));
  console.log(`  ratio subject/baseline (median): ${(subject.median / baseline.median).toFixed(2)}x`);
  if (paired) {
    // Runs measured in pairs (measurePaired): the median of the pairs' ratios.
    const pairs = subject.runs.map((t, i) => t / baseline.runs[i]!).sort((x, y) => x - y);
    console.log(`  per-run pairs: median ${pairs[Math.floor(pairs.length / 2)]!.toFixed(2)}x (${pairs.map((r) => r.toFixed(2)).join(', ')})`);
  }
}
