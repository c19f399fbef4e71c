/** What the mailbox and compose pages keep in the address bar. */
export interface MailboxSearch {
  folder?: string;
  q?: string;
  page?: number;
}

export interface ComposeSearch {
  /** The message answered (reply) or passed on (forward). */
  reply?: string;
  all?: boolean;
  forward?: string;
}

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);

export function validateMailboxSearch(search: Record<string, unknown>): MailboxSearch {
  const page = Number(search.page);
  return { folder: text(search.folder, 40), q: text(search.q, 200), page: Number.isInteger(page) && page > 1 ? page : undefined };
}

export function validateComposeSearch(search: Record<string, unknown>): ComposeSearch {
  return { reply: text(search.reply, 36), all: search.all === true || search.all === 'true' ? true : undefined, forward: text(search.forward, 36) };
}

export interface FormattedComposeSearch {
  template?: string;
  /** The WARNING a FEEDBACK or SEIZURE answers. */
  answers?: string;
  draft?: string;
}

export function validateFormattedComposeSearch(search: Record<string, unknown>): FormattedComposeSearch {
  return { template: text(search.template, 36), answers: text(search.answers, 36), draft: text(search.draft, 36) };
}
