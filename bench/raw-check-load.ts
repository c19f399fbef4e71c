import pg from 'pg';
import { flatOut, openLoop, runInChild, type ConstantRateResult, type FlatOutResult } from './constant-rate.ts';

/**
 * The raw path of a screening check: the very statement a single check sends (name, text, parameters), through
 * the same driver with a pool of the same size and the same session setting as the server's connections for
 * prepared statements, with nothing of the product around it (no HTTP, no token, no query log, no audit). The
 * benchmark prints the product's figures as ratios to these, measured in the same run on the same database.
 */
export interface RawCheckLoad {
  databaseUrl: string;
  statements: { name: string; text: string; params: string[] }[];
  /** The server's pool for prepared statements (half its pool of 10). */
  poolSize: number;
  concurrency: number;
  rate: number;
  seconds: number;
}

export interface RawCheckResult {
  steady: ConstantRateResult;
  flat: FlatOutResult;
}

export const rawCheckInChild = (load: RawCheckLoad) => runInChild<RawCheckResult>(import.meta.filename, load);

async function run(load: RawCheckLoad): Promise<RawCheckResult> {
  const pool = new pg.Pool({ connectionString: load.databaseUrl, max: load.poolSize, options: '-c plan_cache_mode=force_generic_plan' });
  const call = async () => {
    const st = load.statements[Math.floor(Math.random() * load.statements.length)];
    await pool.query({ name: st.name, text: st.text, values: st.params });
    return true;
  };
  try {
    // In the product's order: the constant rate first, then flat out.
    const steady = await openLoop({ rate: load.rate, seconds: load.seconds, call });
    const flat = await flatOut({ seconds: 10, concurrency: load.concurrency, call });
    return { steady, flat };
  } finally {
    await pool.end();
  }
}

// In the child: the load described on stdin, the result as JSON on stdout.
if (import.meta.url === `file://${process.argv[1]}`) {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  process.stdout.write(JSON.stringify(await run(JSON.parse(input) as RawCheckLoad)));
}
