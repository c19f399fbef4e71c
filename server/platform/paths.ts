import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder. This file sits two levels below it both as source
 * (server/platform/paths.ts) and in the built server (dist/server/main.js), so the
 * same rule finds it; files the server reads at run time (migrations, reference data,
 * the web app) are named from here.
 */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_SOURCE = join(PROJECT_ROOT, 'server');
