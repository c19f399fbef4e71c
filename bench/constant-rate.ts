import { spawn } from 'node:child_process';
import { Pool } from 'undici';

/**
 * An open-loop load at a constant rate: request i is due at start + i / rate, whatever became of the
 * earlier ones, and its latency counts from when it was due, not from when it could be sent (a
 * stalled server is charged for the requests it held back: no coordinated omission).
 *
 * autocannon's rate limit is not this: each connection sends its whole second's quota back to back
 * and then waits for the next second, so its "500 req/s" is a burst at full concurrency twice a second.
 */
export interface ConstantRateResult {
  sent: number;
  errors: number;
  /** Requests per second actually completed. */
  rate: number;
  /** CPU time the load itself took per request (it shares the machine with the server). */
  clientCpuMsPerRequest: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Second of the run (from 0) → requests of that second over 10 ms: when the tail happened. */
  slowBySecond: Record<number, number>;
}

/** Requests at a constant rate, open loop: `call` sends one and answers whether it succeeded. */
export async function openLoop(opts: {
  rate: number;
  seconds: number;
  /** Seconds of the same load first, not counted: the connections opened and the client's code compiled. */
  warmUpSeconds?: number;
  call(): Promise<boolean>;
}): Promise<ConstantRateResult> {
  const warmUp = Math.round(opts.rate * (opts.warmUpSeconds ?? 1));
  const total = warmUp + Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const slowBySecond: Record<number, number> = {};
  let errors = 0;
  let due = 0;
  let cpu0 = process.cpuUsage();
  const start = performance.now() + 20;
  const measuredFrom = start + (warmUp * 1000) / opts.rate;
  const inFlight = new Set<Promise<void>>();

  const send = (dueAt: number) => {
    const counted = dueAt >= measuredFrom;
    const p = opts
      .call()
      .then((ok) => {
        if (!counted) return;
        if (!ok) errors++;
        const ms = performance.now() - dueAt;
        latencies.push(ms);
        if (ms > 10) {
          const second = Math.floor((dueAt - measuredFrom) / 1000);
          slowBySecond[second] = (slowBySecond[second] ?? 0) + 1;
        }
      })
      .catch(() => {
        if (counted) errors++;
      });
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
  };

  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (due < total && start + (due * 1000) / opts.rate <= now) {
        if (due === warmUp) cpu0 = process.cpuUsage();
        send(start + (due++ * 1000) / opts.rate);
      }
      if (due >= total) return done();
      // Sleep until the next request is due (timers fire at best to the millisecond; the loop catches up).
      setTimeout(tick, Math.max(0, start + (due * 1000) / opts.rate - performance.now()));
    };
    setTimeout(tick, 20);
  });
  await Promise.all(inFlight);
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (performance.now() - measuredFrom) / 1000;
  const measured = total - warmUp;
  latencies.sort((a, b) => a - b);
  const at = quantile(latencies);
  return {
    sent: measured,
    errors,
    rate: latencies.length / elapsed,
    clientCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / measured,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
    slowBySecond,
  };
}

/** quantile(sorted)(q): the value at quantile q of ascending `sorted` (NaN when empty). */
const quantile = (sorted: number[]) => (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? NaN;

export async function constantRate(opts: {
  url: string;
  method?: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  /** Keep-alive connections at most; a request due while all are busy opens none and waits for one. */
  connections?: number;
  warmUpSeconds?: number;
}): Promise<ConstantRateResult> {
  const target = new URL(opts.url);
  const pool = new Pool(target.origin, { connections: opts.connections ?? 16 });
  try {
    return await openLoop({
      ...opts,
      call: async () => {
        const res = await pool.request({ path: target.pathname, method: (opts.method ?? 'POST') as 'POST', headers: opts.headers, body: opts.body() });
        await res.body.dump();
        return res.statusCode < 400;
      },
    });
  } finally {
    await pool.close();
  }
}

export interface FlatOutResult {
  rate: number;
  errors: number;
  p50: number;
  p99: number;
}

/** `concurrency` callers, each sending the next as soon as the last answered, for `seconds` (after one second not counted). */
export async function flatOut(opts: { seconds: number; concurrency: number; call(): Promise<boolean> }): Promise<FlatOutResult> {
  const latencies: number[] = [];
  let errors = 0;
  const from = performance.now() + 1000;
  const until = from + opts.seconds * 1000;
  const worker = async () => {
    for (let t0 = performance.now(); t0 < until; t0 = performance.now()) {
      const ok = await opts.call().catch(() => false);
      if (t0 < from) continue;
      if (!ok) errors++;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  latencies.sort((a, b) => a - b);
  const at = quantile(latencies);
  return { rate: latencies.length / opts.seconds, errors, p50: at(0.5), p99: at(0.99) };
}

export interface ChildLoad {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, one picked at random for each request. */
  bodies: string[];
  rate: number;
  seconds: number;
  connections?: number;
}

/**
 * The same load from a fresh process of its own, so that the generator's latency is not that of the
 * benchmark process (whose heap holds what it loaded: a pause of its garbage collector would be counted
 * as the server's).
 */
export const constantRateInChild = (load: ChildLoad) => runInChild<ConstantRateResult>(import.meta.filename, load);

/** Runs the script `file` in a fresh process with `input` as JSON on its stdin; answers what it writes as JSON on stdout. */
export async function runInChild<T>(file: string, input: unknown): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(JSON.stringify(input));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the load process exited with ${code}`);
  return JSON.parse(out) as T;
}

// In the child: the load described on stdin, the result as JSON on stdout.
if (import.meta.url === `file://${process.argv[1]}`) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const load = JSON.parse(input) as ChildLoad;
  const result = await constantRate({ ...load, body: () => load.bodies[Math.floor(Math.random() * load.bodies.length)] });
  process.stdout.write(JSON.stringify(result));
}
