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

export async function constantRate(opts: {
  url: string;
  method?: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  /** Keep-alive connections at most; a request due while all are busy opens none and waits for one. */
  connections?: number;
  /** Seconds of the same load first, not counted: the connections opened and the client's code compiled. */
  warmUpSeconds?: number;
}): Promise<ConstantRateResult> {
  const target = new URL(opts.url);
  const pool = new Pool(target.origin, { connections: opts.connections ?? 16 });
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
    const p = pool
      .request({ path: target.pathname, method: (opts.method ?? 'POST') as 'POST', headers: opts.headers, body: opts.body() })
      .then(async (res) => {
        await res.body.dump();
        if (!counted) return;
        if (res.statusCode >= 400) errors++;
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
  await pool.close();
  const cpu = process.cpuUsage(cpu0);
  const elapsed = (performance.now() - measuredFrom) / 1000;
  const measured = total - warmUp;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
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
export async function constantRateInChild(load: ChildLoad): Promise<ConstantRateResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(JSON.stringify(load));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the load process exited with ${code}`);
  return JSON.parse(out) as ConstantRateResult;
}

// In the child: the load described on stdin, the result as JSON on stdout.
if (import.meta.url === `file://${process.argv[1]}`) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const load = JSON.parse(input) as ChildLoad;
  const result = await constantRate({ ...load, body: () => load.bodies[Math.floor(Math.random() * load.bodies.length)] });
  process.stdout.write(JSON.stringify(result));
}
