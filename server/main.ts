import { loadConfig } from './platform/config.ts';
import { startApp } from './app.ts';

// `npm start`: serve OpenCEN on PORT, on the embedded database unless DATABASE_URL is set.
const config = loadConfig();
const running = await startApp(config);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    process.exit(0);
  });
}
