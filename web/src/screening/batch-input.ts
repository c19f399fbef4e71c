import { LISTS, MAX_BATCH_ITEMS, type BatchItem, type ListName } from './screening-api.ts';

/** A batch item with the line (or JSON position) it came from, to show beside its hits. */
export interface ParsedItem extends BatchItem {
  line: number;
}

export type ParseResult = { ok: true; items: ParsedItem[]; format: 'lines' | 'csv' | 'json' } | { ok: false; error: string; params?: Record<string, string | number> };

const isList = (v: unknown): v is ListName => typeof v === 'string' && (LISTS as readonly string[]).includes(v);

/** Splits one CSV line on the delimiter, honouring double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out.map((s) => s.trim());
}

function item(identifier: unknown, ref: unknown, list: unknown, line: number): ParsedItem | ParseResult {
  if (typeof identifier !== 'string' || !identifier.trim()) return { ok: false, error: 'screening.batch.errors.noIdentifier', params: { line } };
  if (list !== undefined && list !== null && list !== '' && !isList(list)) return { ok: false, error: 'screening.batch.errors.unknownList', params: { line, list: String(list) } };
  return {
    identifier: identifier.trim(),
    line,
    ...(ref !== undefined && ref !== null && String(ref).trim() ? { ref: String(ref).trim().slice(0, 100) } : {}),
    ...(isList(list) ? { list } : {}),
  };
}

function fromJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'screening.batch.errors.badJson' };
  }
  const rows = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : null;
  if (!rows) return { ok: false, error: 'screening.batch.errors.jsonShape' };
  const items: ParsedItem[] = [];
  for (const [i, row] of rows.entries()) {
    const r = typeof row === 'string' ? { identifier: row } : row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
    const parsed = item(r.identifier, r.ref, r.list, i + 1);
    if ('ok' in parsed) return parsed;
    items.push(parsed);
  }
  return { ok: true, items, format: 'json' };
}

function fromCsv(lines: { text: string; line: number }[], delimiter: string): ParseResult {
  const header = splitCsvLine(lines[0].text, delimiter).map((h) => h.toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const [id, ref, list] = [at('identifier'), at('ref'), at('list')];
  const items: ParsedItem[] = [];
  for (const { text, line } of lines.slice(1)) {
    const cells = splitCsvLine(text, delimiter);
    const parsed = item(cells[id], ref >= 0 ? cells[ref] : undefined, list >= 0 ? cells[list] : undefined, line);
    if ('ok' in parsed) return parsed;
    items.push(parsed);
  }
  return { ok: true, items, format: 'csv' };
}

/**
 * What a user pasted or uploaded, as batch items: a JSON array (of identifiers, or of objects with
 * identifier, ref and list, or the API's own { items }), a CSV with an `identifier` column (and
 * optionally `ref` and `list`), or else one identifier per line.
 */
export function parseBatchInput(text: string): ParseResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'screening.batch.errors.empty' };
  let result: ParseResult;
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) result = fromJson(trimmed);
  else {
    const lines = text
      .split(/\r?\n/)
      .map((t, i) => ({ text: t.trim(), line: i + 1 }))
      .filter((l) => l.text);
    const delimiter = [',', ';', '\t'].find((d) => splitCsvLine(lines[0].text, d).some((h) => h.toLowerCase() === 'identifier'));
    result = delimiter ? fromCsv(lines, delimiter) : { ok: true, items: lines.map((l) => ({ identifier: l.text, line: l.line })), format: 'lines' };
  }
  if (result.ok && result.items.length === 0) return { ok: false, error: 'screening.batch.errors.empty' };
  if (result.ok && result.items.length > MAX_BATCH_ITEMS) return { ok: false, error: 'screening.batch.errors.tooMany', params: { max: MAX_BATCH_ITEMS, count: result.items.length } };
  return result;
}
