import { ApiError } from '../../app/api.ts';

/**
 * The question each error of a refused save or completion is about, so that it shows beside that question.
 * A save names the answer by its place in what was sent (`answers[2].value`), a completion by question (`A.3.2.value`).
 */
export function errorsByQuestion(error: unknown, sentIds: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) {
    const field = e.field.replace(/^body\.?/, '');
    const sent = /^answers\[(\d+)\]/.exec(field);
    const id = sent ? sentIds[Number(sent[1])] : /^(.+)\.(value|frequency|supported)$/.exec(field)?.[1];
    if (id) out[id] = out[id] ? `${out[id]}; ${e.message}` : e.message;
  }
  return out;
}
