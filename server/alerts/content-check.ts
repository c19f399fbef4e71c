import type { Database } from '../platform/db/database.ts';
import { Problem, type FieldError } from '../platform/http/problem.ts';
import { referenceSets } from '../reference/index.ts';
import { seizureLabels } from '../seizures/index.ts';
import { warningsByNumber } from '../comm/index.ts';
import type { AlertInput } from './schema.ts';

/**
 * The checks of an alert's content against the reference lists and the records it links to: every code
 * known, the validity period the right way round, linked seizures visible to every member (validated) or
 * the author's own, linked CENcomm warnings sent. All errors at once, by field.
 */
export async function checkContent(database: Database, input: AlertInput, authorOrgId: string): Promise<void> {
  const ref = await referenceSets(database);
  const errors: FieldError[] = [];
  input.commodities.forEach((c, i) => {
    if (!ref.hsCodes.has(c.hsCode)) errors.push({ field: `commodities.${i}.hsCode`, message: `${c.hsCode} is not an HS 2022 code` });
  });
  input.route.forEach((l, i) => {
    if (!ref.countries.has(l.country)) errors.push({ field: `route.${i}.country`, message: `${l.country} is not a country code` });
  });
  for (const m of input.concealmentMethods) if (!ref.concealmentMethods.has(m)) errors.push({ field: 'concealmentMethods', message: `${m} is not a concealment method` });
  for (const m of input.detectionMethods) if (!ref.detectionMethods.has(m)) errors.push({ field: 'detectionMethods', message: `${m} is not a detection method` });
  if (input.validUntil && input.validUntil < input.validFrom) errors.push({ field: 'validUntil', message: 'must not be before validFrom' });
  const seizures = await seizureLabels(database, input.seizureIds);
  for (const id of input.seizureIds) {
    const s = seizures.get(id);
    if (!s || (s.status !== 'validated' && s.orgId !== authorOrgId)) errors.push({ field: 'seizureIds', message: `${id} is not a seizure you can link` });
  }
  const warnings = await warningsByNumber(database, input.warningNumbers);
  for (const n of input.warningNumbers) if (!warnings.has(n)) errors.push({ field: 'warningNumbers', message: `${n} is not a sent CENcomm warning` });
  if (errors.length) throw new Problem(422, 'Unprocessable Content', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
