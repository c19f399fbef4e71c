import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export interface AppProcess {
  proc: ChildProcess;
  url: string;
  msToReady: number;
}

/** Starts what `npm start` runs (the built server) in its own process and waits until it is ready. */
export async function startServer(env: Record<string, string>, port: number): Promise<AppProcess> {
  const started = performance.now();
  const proc = spawn(process.execPath, [join(root, 'dist', 'server', 'main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', OPENCEN_LOG_LEVEL: 'warn', OPENCEN_COOKIE_SECURE: 'false', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return { proc, url, msToReady: performance.now() - started };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function stopServer(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
}
