import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './platform/paths.ts';

// The module contract of docs/modules.md is enforced by the lint configuration; these cases prove it bites.
const eslint = new ESLint({ cwd: PROJECT_ROOT });

async function restricted(filePath: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return result.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('module boundaries', () => {
  it('lets a module reach another only through its index.ts', async () => {
    expect(await restricted('server/comm/example.ts', "import { x } from '../identity/directory.ts';")).toBe(true);
    expect(await restricted('server/comm/example.ts', "import { x } from '../seizures/import/read.ts';")).toBe(true);
    expect(await restricted('server/comm/example.ts', "import { x } from '../identity/index.ts';")).toBe(false);
    expect(await restricted('server/comm/example.ts', "import { x } from './mailbox.ts';")).toBe(false);
  });

  it('keeps testing.ts for tests, benchmarks and scripts', async () => {
    expect(await restricted('server/comm/example.ts', "import { x } from '../identity/testing.ts';")).toBe(true);
    expect(await restricted('server/comm/example.test.ts', "import { x } from '../identity/testing.ts';")).toBe(false);
    expect(await restricted('bench/example.bench.ts', "import { x } from '../server/seizures/testing.ts';")).toBe(false);
    expect(await restricted('bench/example.bench.ts', "import { x } from '../server/seizures/generate.ts';")).toBe(true);
  });

  it('keeps the platform below every module', async () => {
    expect(await restricted('server/platform/http/example.ts', "import { x } from '../../identity/index.ts';")).toBe(true);
    expect(await restricted('server/platform/http/example.ts', "import { x } from '../db/database.ts';")).toBe(false);
  });

  it('lets the web app import only dependency-free view files of the server', async () => {
    expect(await restricted('web/src/comm/Example.tsx', "import { x } from '../../../server/comm/newsletter-view.ts';")).toBe(false);
    expect(await restricted('web/src/comm/Example.tsx', "import { x } from '../../../server/comm/mailbox.ts';")).toBe(true);
    expect(await restricted('web/src/comm/Example.tsx', "import { x } from '../../../server/platform/db/database.ts';")).toBe(true);
  });
});
