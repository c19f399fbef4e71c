import { rmSync } from 'node:fs';

/** Removes the run's temporary data folders (the hub's and the national node's) once the servers have stopped. */
export default function globalTeardown(): void {
  for (const dataDir of [process.env.OPENCEN_E2E_DATA_DIR, process.env.OPENCEN_E2E_NATIONAL_DATA_DIR]) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
