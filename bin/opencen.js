#!/usr/bin/env node
// Entry point for `npx opencen <command>`: runs the TypeScript CLI with tsx's loader in one Node process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const loader = import.meta.resolve('tsx');
const result = spawnSync(process.execPath, ['--import', loader, join(root, 'server', 'cli.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
