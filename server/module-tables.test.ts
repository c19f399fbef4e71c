import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_ORDER } from './platform/db/migrate.ts';
import { SERVER_SOURCE } from './platform/paths.ts';

// "No module reads another's tables" (docs/modules.md): the tables a module creates in its migrations are
// its own; another module's code may name only the views it publishes (CREATE VIEW in its migrations).

function files(dir: string, keep: (name: string) => boolean): string[] {
  let out: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(files(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

const modules = MODULE_ORDER.filter((m) => m !== 'platform');
const tablesOf = new Map<string, Set<string>>();
for (const m of modules) {
  const tables = new Set<string>();
  for (const f of files(join(SERVER_SOURCE, m, 'migrations'), (n) => n.endsWith('.sql')))
    for (const match of readFileSync(f, 'utf8').matchAll(/CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi)) tables.add(match[1].toLowerCase());
  tablesOf.set(m, tables);
}

export function foreignTableReads(module: string): string[] {
  const found: string[] = [];
  const isCode = (n: string) => n.endsWith('.ts') && !n.endsWith('.test.ts') && !n.startsWith('test-') && n !== 'testing.ts';
  for (const f of files(join(SERVER_SOURCE, module), isCode)) {
    const text = readFileSync(f, 'utf8');
    for (const match of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)/g)) {
      const table = match[1].toLowerCase();
      for (const [owner, tables] of tablesOf) if (owner !== module && tables.has(table)) found.push(`${f.slice(SERVER_SOURCE.length + 1)}: ${owner}.${table}`);
    }
  }
  return found;
}

describe('module tables', () => {
  it('finds the tables of every module in its migrations', () => {
    expect(tablesOf.get('identity')).toContain('users');
    expect(tablesOf.get('seizures')).toContain('seizures');
  });

  it.each(modules)('%s reads no table of another module', (m) => {
    expect(foreignTableReads(m)).toEqual([]);
  });
});
