/**
 * The bench table (the same columns as bars.bench.ts): each measure with its same-run baseline,
 * the ratio, the bar and PASS/MISS. A missed bar is printed, never failed: shared machines are noisy.
 */

export interface Row {
  measure: string;
  value: number;
  baseline?: { label: string; value: number };
  /** Bar on the ratio to the baseline (e.g. 2 for "within 2x") or on the value in ms. */
  bar?: { ratio: number } | { ms: number };
}

export function printTable(title: string, data: Row[]): void {
  const ms = (v: number) => (v < 1 ? `${v.toFixed(3)} ms` : v < 100 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`);
  const lines = data.map((row) => {
    const ratio = row.baseline ? row.value / row.baseline.value : undefined;
    let bar = '';
    let verdict = '';
    if (row.bar && 'ratio' in row.bar) {
      bar = `≤ ${row.bar.ratio}x`;
      verdict = ratio !== undefined && ratio <= row.bar.ratio ? 'PASS' : 'MISS';
    } else if (row.bar) {
      bar = `< ${row.bar.ms} ms`;
      verdict = row.value < row.bar.ms ? 'PASS' : 'MISS';
    }
    return [row.measure, ms(row.value), row.baseline ? `${ms(row.baseline.value)} (${row.baseline.label})` : '', ratio !== undefined ? `${ratio.toFixed(2)}x` : '', bar, verdict];
  });
  const head = ['measure', 'this app', 'baseline (same page, same run)', 'ratio', 'bar', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd();
  const out = ['', title, fmt(head), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(fmt), ''];
  const missed = lines.filter((l) => l[5] === 'MISS').length;
  out.push(`${lines.filter((l) => l[5] === 'PASS').length} bars met, ${missed} missed (a missed bar is reported, not failed).`, '');
  process.stdout.write(out.join('\n') + '\n');
}
