/**
 * A fuzzing campaign against the built app: mutants of the committed fixtures go into the page
 * in batches through `window.wasmPlayground`, and every hang, page error, unhandled rejection,
 * console error and unspecific load error is recorded (and saved under e2e/fuzz/found/).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { ROOT } from '../support/servers';
import { fuzzBatch, INIT_SCRIPT, type BatchItem, type BatchOutput } from './inPage';
import { makeMutant, type Fixture, type Mutant } from './mutate';
import { attribute, dedupe, outcomeOf, unspecificLoad, unspecificRun, type MutantResult, type Outcome, type PageEvent } from './outcome';

export const FIXTURE_DIRS = ['e2e/fixtures', 'e2e/fixtures/extism', 'src/host/wasi/testdata'];
export const FOUND_DIR = path.join(ROOT, 'e2e', 'fuzz', 'found');

export interface CampaignOptions {
  seed: number;
  count: number;
  /** First mutant number (to run a long campaign in chunks). */
  from?: number;
  batchSize?: number;
  /** A fresh page after this many mutants: the engine keeps every loaded module. */
  reloadEvery?: number;
  runTimeoutMs?: number;
  loadWatchdogMs?: number;
  /** Where found cases go; null saves nothing. */
  foundDir?: string | null;
  log?: (line: string) => void;
}

export type FindingClass = 'hang' | 'pageerror' | 'rejection' | 'console' | 'unspecific';

export interface Finding {
  n: number;
  fixture: string;
  mutator: string;
  classes: FindingClass[];
  reasons: string[];
}

export interface CampaignReport {
  seed: number;
  count: number;
  wallMs: number;
  outcomes: Record<Outcome, number>;
  refusedByCode: Record<string, number>;
  findings: Finding[];
  classCounts: Record<FindingClass, number>;
  /** Every mutant's result with its mutator, for audits (`FUZZ_DUMP`). */
  results: (MutantResult & { fixture: string; mutator: string })[];
}

/** Every committed .wasm fixture (with bytes) the mutants are made from. */
export function loadFixtures(): Fixture[] {
  return FIXTURE_DIRS.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.wasm'))
      .sort()
      .map((f) => ({ name: `${dir}/${f}`, bytes: new Uint8Array(readFileSync(path.join(ROOT, dir, f))) })),
  );
}

interface Live {
  page: Page;
  /** Page errors and console errors seen by Playwright since the last drain. */
  events: PageEvent[];
  mutantsSeen: number;
}

async function openPage(context: BrowserContext): Promise<Live> {
  const page = await context.newPage();
  const live: Live = { page, events: [], mutantsSeen: 0 };
  await page.addInitScript({ content: INIT_SCRIPT });
  page.on('pageerror', (error) => live.events.push({ type: 'pageerror', message: error.stack ?? error.message, at: Date.now() }));
  page.on('console', (msg) => {
    if (msg.type() === 'error') live.events.push({ type: 'console', message: `${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`, at: Date.now() });
  });
  await page.goto('/');
  await page.waitForFunction(() => 'wasmPlayground' in window);
  // What the app logs while starting is not the mutants' doing; a real start-up error shows in e2e.
  live.events.length = 0;
  return live;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())]);

/** Run `count` mutants of `seed` against the app; never throws for what it finds. */
export async function runCampaign(context: BrowserContext, options: CampaignOptions): Promise<CampaignReport> {
  const { seed, count, from = 0, batchSize = 25, reloadEvery = 250, runTimeoutMs = 2000, loadWatchdogMs = 10_000 } = options;
  const foundDir = options.foundDir === undefined ? FOUND_DIR : options.foundDir;
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const fixtures = loadFixtures();
  const mutants = new Map<number, Mutant>();
  const report: CampaignReport = {
    seed,
    count,
    wallMs: 0,
    outcomes: { 'ran ok': 0, 'run error': 0, 'run timed out': 0, 'loaded, not run': 0, 'load refused': 0, hang: 0 },
    refusedByCode: {},
    findings: [],
    classCounts: { hang: 0, pageerror: 0, rejection: 0, console: 0, unspecific: 0 },
    results: [],
  };
  const findings = new Map<number, Finding>();
  const note = (m: Mutant, cls: FindingClass, reason: string) => {
    const f = findings.get(m.n) ?? { n: m.n, fixture: m.fixture, mutator: m.mutator, classes: [], reasons: [] };
    f.classes.push(cls);
    f.reasons.push(`${cls}: ${reason}`);
    findings.set(m.n, f);
    report.classCounts[cls]++;
  };

  // Work list: batches of mutant numbers; a batch that froze the page is retried one by one.
  const queue: number[][] = [];
  for (let n = from; n < from + count; n += batchSize) queue.push(Array.from({ length: Math.min(batchSize, from + count - n) }, (_, i) => n + i));
  let live = await openPage(context);
  let done = 0;
  while (queue.length > 0) {
    const numbers = queue.shift()!;
    const batch = numbers.map((n) => mutants.get(n) ?? makeMutant(fixtures, seed, n));
    for (const m of batch) mutants.set(m.n, m);
    const items: BatchItem[] = batch.map((m) => ({ n: m.n, name: `${seed}-${m.n}.wasm`, base64: Buffer.from(m.bytes).toString('base64') }));
    const budget = loadWatchdogMs + items.length * (runTimeoutMs + 4000) + 10_000;
    const answer: BatchOutput | 'timeout' | Error = await withTimeout(
      live.page.evaluate(fuzzBatch, { items, loadWatchdogMs, runTimeoutMs, runWatchdogMs: 5000 }),
      budget,
    ).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));

    if (answer === 'timeout' || answer instanceof Error) {
      // The page itself stopped answering (or crashed): isolate the culprit on fresh pages.
      const why = answer === 'timeout' ? `the page did not answer within ${budget} ms` : `page.evaluate failed: ${answer.message}`;
      await live.page.close().catch(() => undefined);
      live = await openPage(context);
      if (numbers.length > 1) {
        queue.unshift(...numbers.map((n) => [n]));
        continue;
      }
      report.outcomes.hang++;
      note(batch[0]!, 'hang', why);
      done++;
      continue;
    }

    const events = dedupe([...answer.events, ...live.events.splice(0)]);
    for (const r of answer.results) record(r, mutants.get(r.n)!);
    for (const e of events) {
      const r = attribute(answer.results, e.at);
      const m = mutants.get(r?.n ?? numbers[0]!)!;
      note(m, e.type, e.message.split('\n').slice(0, 4).join(' | '));
    }
    done += answer.results.length;
    live.mutantsSeen += answer.results.length;
    const last = answer.results.at(-1);
    const rest = numbers.slice(answer.results.length);
    if (last?.hang || rest.length > 0) {
      // A step hung: its worker may be stuck for good, so the rest go to a fresh page.
      if (rest.length > 0) queue.unshift(rest);
      await live.page.close().catch(() => undefined);
      live = await openPage(context);
    } else if (live.mutantsSeen >= reloadEvery) {
      await live.page.close().catch(() => undefined);
      live = await openPage(context);
    }
    if (done % 500 < batchSize) log(`fuzz: ${done}/${count} mutants, ${findings.size} found, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await live.page.close().catch(() => undefined);

  function record(r: MutantResult, m: Mutant): void {
    report.results.push({ ...r, fixture: m.fixture, mutator: m.mutator });
    const outcome = outcomeOf(r);
    report.outcomes[outcome]++;
    if (r.hang) note(m, 'hang', r.hang === 'load' ? `load did not settle within ${loadWatchdogMs} ms` : `run of ${r.run?.func} did not settle within ${runTimeoutMs} ms + 5 s`);
    if (!r.load.ok) {
      if (!r.hang) report.refusedByCode[r.load.code ?? `(${r.load.name})`] = (report.refusedByCode[r.load.code ?? `(${r.load.name})`] ?? 0) + 1;
      const why = r.hang ? null : unspecificLoad(r.load);
      if (why) note(m, 'unspecific', why);
    }
    const runWhy = r.run && !r.hang ? unspecificRun(r.run) : null;
    if (runWhy) note(m, 'unspecific', runWhy);
  }

  report.findings = [...findings.values()].sort((a, b) => a.n - b.n);
  report.wallMs = Date.now() - started;
  if (foundDir && report.findings.length > 0) saveFound(foundDir, seed, report.findings, mutants);
  return report;
}

function saveFound(dir: string, seed: number, found: Finding[], mutants: Map<number, Mutant>): void {
  mkdirSync(dir, { recursive: true });
  for (const f of found) {
    const m = mutants.get(f.n)!;
    writeFileSync(path.join(dir, `${seed}-${f.n}.wasm`), m.bytes);
    const about = [`seed ${seed}, mutant ${f.n}`, `fixture: ${f.fixture}`, `mutator: ${f.mutator} ${JSON.stringify(m.change)}`, ...f.reasons];
    writeFileSync(path.join(dir, `${seed}-${f.n}.txt`), `${about.join('\n')}\n`);
  }
}

/** Rows of `| label | count |`, aligned, for the terminal and for pasting. */
export function formatTable(title: string, rows: [string, number | string][]): string {
  const width = Math.max(title.length, ...rows.map(([label]) => label.length));
  const countWidth = Math.max(5, ...rows.map(([, c]) => String(c).length));
  const line = (a: string, b: string) => `| ${a.padEnd(width)} | ${b.padStart(countWidth)} |`;
  return [line(title, 'count'), `|${'-'.repeat(width + 2)}|${'-'.repeat(countWidth + 2)}|`, ...rows.map(([a, b]) => line(a, String(b)))].join('\n');
}

/** Outcome, refusal-code and finding-class counts as table rows (run.mjs adds up chunks by label). */
export function summaryRows(report: CampaignReport): [string, number][] {
  const o = report.outcomes;
  const c = report.classCounts;
  return [
    ['loaded + ran ok', o['ran ok']],
    ['loaded + run error', o['run error']],
    ['loaded + run timed out (its own timeout)', o['run timed out']],
    ['loaded, nothing to run', o['loaded, not run']],
    ['load refused by code', o['load refused']],
    ...Object.entries(report.refusedByCode)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]): [string, number] => [`  refused: ${code}`, n]),
    ['hangs', c.hang],
    ['page errors', c.pageerror],
    ['unhandled rejections', c.rejection],
    ['console errors', c.console],
    ['unspecific errors', c.unspecific],
  ];
}

/** The closing summary: outcomes, refusal codes, finding classes, and the first findings. */
export function summarise(report: CampaignReport): string {
  const head = `fuzz seed ${report.seed}: ${report.count} mutants in ${(report.wallMs / 1000).toFixed(1)} s, ${report.findings.length} found`;
  const listed = report.findings.slice(0, 20).map((f) => `  ${report.seed}-${f.n} (${f.fixture}, ${f.mutator}): ${f.reasons[0]}`);
  const more = report.findings.length > 20 ? [`  … and ${report.findings.length - 20} more (see e2e/fuzz/found/)`] : [];
  return [head, formatTable('outcome', summaryRows(report)), ...listed, ...more].join('\n');
}
