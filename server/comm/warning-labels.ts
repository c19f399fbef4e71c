import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import { textArray } from '../platform/db/pg-array.ts';

export interface WarningLabel {
  number: string;
  messageId: string;
  operationId: string;
  subject: string;
}

/** Sent CENcomm warnings by number (GS-W-2026-0001), for modules that link to them (alerts). */
export async function warningsByNumber(database: Database, numbers: readonly string[]): Promise<Map<string, WarningLabel>> {
  const out = new Map<string, WarningLabel>();
  if (!numbers.length) return out;
  const rows = await database.rows<WarningLabel>(sql`SELECT number, id AS "messageId", operation_id AS "operationId", subject FROM comm_messages
    WHERE number = ANY(${textArray([...new Set(numbers)])}) AND status = 'sent' AND number LIKE '%-W-%'`);
  for (const r of rows) out.set(r.number, r);
  return out;
}
