import type { ReferenceSets } from '../../reference/index.ts';
import { checkSeizure, nonNominalProjection, seizureInput, type SeizureInput } from '../../seizures/index.ts';

/** What leaves for the hub, or why nothing does. */
export type Outbound = { ok: true; body: SeizureInput } | { ok: false; reason: string };

/**
 * The body a push sends to the hub, built at send time from the seizure as it is stored now: through the
 * seizures module's one allowlist (`nonNominalProjection`), with the national seizure's id as the hub's
 * external reference (the national node's own external reference stays here). It is then held to what the
 * hub would accept of anyone: the seizure schema, the reference data (a coded field holds a known code or
 * nothing leaves) and the free-text check for what looks like personal data. A warning stops the push: no
 * `acceptNominalWarnings` is ever sent, so text that looks nominal never leaves by itself; the officer
 * corrects the record and submits it again.
 */
export function outboundPayload(source: Record<string, unknown>, ref: ReferenceSets): Outbound {
  const id = source.id;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return { ok: false, reason: 'the seizure has no id' };
  const projection = nonNominalProjection(source);
  const parsed = seizureInput.safeParse({ ...projection.input, externalRef: id });
  if (!parsed.success) {
    return { ok: false, reason: `the seizure does not fit the hub's schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  const { errors } = checkSeizure(parsed.data, ref, '');
  if (errors.length) return { ok: false, reason: `the seizure does not pass the hub's checks: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}` };
  if (projection.warnings.length) {
    // The excerpt is what looked nominal: it is named by its field and kind only, so that it is not copied anywhere else.
    return { ok: false, reason: `text that looks like personal data, which is never pushed: ${projection.warnings.map((w) => `${w.field} (${w.kind.replace('_', ' ')})`).join(', ')}` };
  }
  const body: SeizureInput = { ...parsed.data };
  delete body.acceptNominalWarnings;
  return { ok: true, body };
}
