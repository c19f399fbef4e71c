import { sql } from 'drizzle-orm';
import { isUniqueViolation } from '../platform/db/errors.ts';
import type { AppContext } from '../platform/context.ts';
import { type Db, execRows } from '../platform/db/database.ts';
import { uuidArray } from '../platform/db/pg-array.ts';
import type { Principal } from '../platform/http/access.ts';
import { badRequest, conflict, forbidden, notFound, Problem } from '../platform/http/problem.ts';
import { queueNotice } from '../identity/index.ts';
import { MAY, type Meta, type Operations } from './operations.ts';
import type { z } from 'zod';
import { MAX_ATTACHMENTS, type ComposeInput, type message, type messageSummary } from './schema.ts';
import { isoTime } from '../platform/db/timestamps.ts';

export type Message = z.infer<typeof message>;

type Ctx = Pick<AppContext, 'database' | 'audit' | 'events' | 'jobs' | 'files'>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
/** Writes the message row inside send's transaction and answers its id, send time and (if changed) subject. */
export type StoreMessage = (tx: Db, recipients: string[]) => Promise<{ id: string; sent_at: string; subject?: string }>;
/** Counting a folder stops here, and a search's matches at the smaller cap: past them, "10,000+" is the answer. */
export const COUNT_CAP = 10_000;
export const SEARCH_COUNT_CAP = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An operation's mailbox. A message is stored once, with one delivery row per recipient (its folder
 * and read time); the sender's copy lives on the message itself (outbox, bin or a folder).
 */
export function createMailbox(ctx: Ctx, operations: Operations) {
  const { database, audit, events, files } = ctx;

  async function recipientsFor(tx: Db, p: Principal, opId: string, to: ComposeInput['to']): Promise<string[]> {
    if (to.mode === 'chosen') {
      const wanted = [...new Set(to.userIds ?? [])];
      if (!wanted.length) throw badRequest('Choose at least one recipient.', [{ field: 'body.to.userIds', message: 'must not be empty' }]);
      const found = await execRows<{ user_id: string }>(tx, sql`SELECT user_id FROM comm_members WHERE operation_id = ${opId} AND user_id = ANY(${uuidArray(wanted)})`);
      const members = new Set(found.map((r) => r.user_id));
      const outside = wanted.map((id, i) => ({ id, i })).filter((x) => !members.has(x.id));
      if (outside.length)
        throw new Problem(
          422,
          'Unprocessable Content',
          'Some recipients are not members of this operation.',
          outside.map((x) => ({ field: `body.to.userIds.${x.i}`, message: 'is not a member of this operation' })),
        );
      return wanted.filter((id) => id !== p.userId || wanted.length === 1);
    }
    const filter =
      to.mode === 'ncps'
        ? sql`m.role = 'ncp'`
        : to.mode === 'country'
          ? sql`org.country = (SELECT o2.country FROM identity_users u2 JOIN identity_organisations o2 ON o2.id = u2.org_id WHERE u2.id = ${p.userId})`
          : sql`true`;
    const rows = await execRows<{ user_id: string }>(tx, sql`SELECT m.user_id FROM comm_members m JOIN identity_users u ON u.id = m.user_id JOIN identity_organisations org ON org.id = u.org_id
      WHERE m.operation_id = ${opId} AND m.user_id <> ${p.userId} AND NOT u.disabled AND ${filter}`);
    if (!rows.length) throw badRequest('Nobody in the operation matches these recipients.', [{ field: 'body.to.mode', message: 'matches no member' }]);
    return rows.map((r) => r.user_id);
  }

  /**
   * Stores a message and delivers it. `store` lets formatted messages write their own row (number,
   * fields, a submitted draft) in the same transaction, before the deliveries.
   */
  async function send(p: Principal, opId: string, input: ComposeInput, meta: Meta = {}, opts: { store?: StoreMessage } = {}) {
    await operations.requireMember(p, opId);
    const attachmentIds = [...new Set(input.attachmentIds)];
    if (attachmentIds.length > MAX_ATTACHMENTS) throw badRequest(`At most ${MAX_ATTACHMENTS} attachments.`, [{ field: 'body.attachmentIds', message: `at most ${MAX_ATTACHMENTS}` }]);
    let publish: () => Promise<void> = async () => undefined;
    let recipients: string[] = [];
    const id = await database.db.transaction(async (tx) => {
      recipients = await recipientsFor(tx, p, opId, input.to);
      for (const [field, ref] of [['replyToId', input.replyToId], ['forwardOfId', input.forwardOfId]] as const) {
        if (!ref) continue;
        const [m] = await execRows(tx, sql`SELECT 1 FROM comm_messages m WHERE m.id = ${ref} AND m.operation_id = ${opId}
          AND (m.sender_id = ${p.userId} OR EXISTS (SELECT 1 FROM comm_deliveries d WHERE d.message_id = m.id AND d.user_id = ${p.userId}))`);
        if (!m) throw badRequest('That message is not in your mailbox of this operation.', [{ field: `body.${field}`, message: 'is not a message of yours in this operation' }]);
      }
      if (attachmentIds.length) {
        // Attachments are uploads of the sender's that no message carries yet, or those of a forwarded message.
        const usable = await execRows<{ id: string }>(tx, sql`SELECT f.id FROM files f WHERE f.id = ANY(${uuidArray(attachmentIds)})
          AND ((f.owner_user_id = ${p.userId} AND NOT EXISTS (SELECT 1 FROM comm_attachments a WHERE a.file_id = f.id))
            OR EXISTS (SELECT 1 FROM comm_attachments a WHERE a.file_id = f.id AND a.message_id = ${input.forwardOfId ?? null}))`);
        const ok = new Set(usable.map((r) => r.id));
        const bad = attachmentIds.map((a, i) => ({ a, i })).filter((x) => !ok.has(x.a));
        if (bad.length) throw new Problem(422, 'Unprocessable Content', 'Some attachments are not uploads of yours.', bad.map((x) => ({ field: `body.attachmentIds.${x.i}`, message: 'is not an upload of yours' })));
      }
      const [m] = opts.store
        ? [await opts.store(tx, recipients)]
        : await execRows<{ id: string; sent_at: string; subject?: string }>(tx, sql`INSERT INTO comm_messages (operation_id, sender_id, subject, body, reply_to_id, forwarded_from_id, addressed_to, recipient_count)
        VALUES (${opId}, ${p.userId}, ${input.subject}, ${input.body}, ${input.replyToId ?? null}, ${input.forwardOfId ?? null}, ${input.to.mode}, ${recipients.length})
        RETURNING id, sent_at::text AS sent_at`);
      await tx.execute(sql`INSERT INTO comm_deliveries (message_id, user_id, operation_id, sent_at)
        SELECT ${m.id}, u, ${opId}, ${m.sent_at}::timestamptz FROM unnest(${uuidArray(recipients)}) AS u`);
      for (const [i, fileId] of attachmentIds.entries()) await tx.execute(sql`INSERT INTO comm_attachments (message_id, file_id, position) VALUES (${m.id}, ${fileId}, ${i})`);
      await audit.record({ actor: p, action: 'comm.message.send', targetType: 'operation', targetId: opId, detail: { messageId: m.id, recipients: recipients.length }, ...meta }, tx);
      // Mail alerts say only that something is waiting: no subject, no content.
      const [op] = await execRows<{ name: string }>(tx, sql`SELECT name FROM comm_operations WHERE id = ${opId}`);
      await queueNotice(
        ctx,
        tx,
        { title: `New message in ${op.name}`, body: `A new message is waiting for you in the operation ${op.name}.`, link: `/operations/${opId}/mailbox` },
        { userIds: recipients, onlyMailAlerts: true },
      );
      publish = () => events.publish('comm.message', { operationId: opId, messageId: m.id, subject: m.subject ?? input.subject, senderId: p.userId }, { userIds: recipients });
      return m.id;
    });
    await publish();
    return getMessage(p, opId, id, false);
  }

  const SUMMARY = sql`m.id, m.subject, m.sender_id AS "senderId", su.display_name AS "senderName", so.country::text AS "senderCountry",
    m.sent_at AS "sentAt", m.recipient_count AS "recipientCount",
    (SELECT count(*)::int FROM comm_attachments a WHERE a.message_id = m.id) AS attachments`;

  async function list(p: Principal, opId: string, q: { folder: string; q?: string; unread?: 'true' | 'false'; page: number; pageSize: number }) {
    await operations.requireMember(p, opId);
    if (!['inbox', 'outbox', 'bin'].includes(q.folder) && !(await ownFolder(opId, p.userId, q.folder))) throw notFound('Folder');
    const offset = (q.page - 1) * q.pageSize;
    const text = q.q ? sql` AND m.search @@ websearch_to_tsquery('simple', ${q.q})` : sql``;
    const unread = q.unread === 'true' ? sql` AND d.read_at IS NULL` : q.unread === 'false' ? sql` AND d.read_at IS NOT NULL` : sql``;
    // What was delivered to me, and my own copies (outbox; bin holds both).
    const box = sql`d.user_id = ${p.userId} AND d.operation_id = ${opId} AND d.folder = ${q.folder}${unread}`;
    const mine = q.folder === 'outbox' || q.folder === 'bin';
    // Without a text search, the page is cut from the delivery index first and only its rows are joined;
    // when the bin merges two sources, each gives its first offset + pageSize rows.
    const cut = mine ? sql`LIMIT ${offset + q.pageSize}` : sql`LIMIT ${q.pageSize} OFFSET ${offset}`;
    const deliveries = q.q ? sql`comm_deliveries d` : sql`(SELECT * FROM comm_deliveries d WHERE ${box} ORDER BY d.sent_at DESC, d.message_id ${cut}) d`;
    const delivered = q.folder === 'outbox' ? null : sql`SELECT ${SUMMARY}, d.read_at IS NOT NULL AS read, d.folder, d.sent_at AS sort_at FROM ${deliveries}
        JOIN comm_messages m ON m.id = d.message_id JOIN identity_users su ON su.id = m.sender_id JOIN identity_organisations so ON so.id = su.org_id
        WHERE ${box}${text}`;
    const own = mine ? sql`SELECT ${SUMMARY}, true AS read, m.sender_folder AS folder, m.sent_at AS sort_at FROM comm_messages m
        JOIN identity_users su ON su.id = m.sender_id JOIN identity_organisations so ON so.id = su.org_id
        WHERE m.operation_id = ${opId} AND m.sender_id = ${p.userId} AND m.sender_folder = ${q.folder}${q.unread === 'true' ? sql` AND false` : sql``}${text}` : null;
    const source = delivered && own ? sql`(${delivered}) UNION ALL (${own})` : (delivered ?? own)!;
    const page = !mine && !q.q ? sql`` : sql` LIMIT ${q.pageSize} OFFSET ${offset}`;
    const cap = q.q ? SEARCH_COUNT_CAP : COUNT_CAP;
    const [items, [{ n }]] = await Promise.all([
      database.rows<Omit<z.infer<typeof messageSummary>, 'sentAt'> & { sentAt: Date | string; sort_at: unknown }>(sql`SELECT * FROM (${source}) x ORDER BY x.sort_at DESC, x.id${page}`),
      // Counting stops at a cap ("10,000+"): a folder from its index, a search over its matches.
      !q.q && !mine
        ? database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM comm_deliveries d WHERE ${box} LIMIT ${cap + 1}) y`)
        : database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM (${source}) x LIMIT ${cap + 1}) y`),
    ]);
    return { items: items.map(({ sort_at: _s, ...r }) => ({ ...r, sentAt: isoTime(r.sentAt) })), total: Math.min(n, cap), totalCapped: n > cap, page: q.page, pageSize: q.pageSize };
  }

  async function ownFolder(opId: string, userId: string, folderId: string): Promise<boolean> {
    if (!UUID.test(folderId)) return false;
    const r = await database.rows(sql`SELECT 1 FROM comm_folders WHERE id = ${folderId} AND operation_id = ${opId} AND user_id = ${userId}`);
    return r.length > 0;
  }

  /** Opens a message: a recipient's first opening marks it read (the sender sees it in the read status). */
  async function getMessage(p: Principal, opId: string, messageId: string, markRead = true): Promise<Message> {
    await operations.requireMember(p, opId);
    const [m] = await database.rows<Record<string, unknown>>(sql`SELECT ${SUMMARY}, m.operation_id AS "operationId", m.body, m.addressed_to AS "addressedTo",
        m.reply_to_id AS "replyToId", m.forwarded_from_id AS "forwardedFromId", m.sender_folder AS "senderFolder",
        d.folder AS "deliveryFolder", d.read_at AS "readAt"
      FROM comm_messages m JOIN identity_users su ON su.id = m.sender_id JOIN identity_organisations so ON so.id = su.org_id
      LEFT JOIN comm_deliveries d ON d.message_id = m.id AND d.user_id = ${p.userId}
      WHERE m.id = ${messageId} AND m.operation_id = ${opId}`);
    const isSender = m && m.senderId === p.userId;
    if (!m || (!isSender && !m.deliveryFolder)) throw notFound('Message');
    if (markRead && m.deliveryFolder && !m.readAt) {
      await database.rows(sql`UPDATE comm_deliveries SET read_at = now() WHERE message_id = ${messageId} AND user_id = ${p.userId} AND read_at IS NULL`);
      await events.publish('comm.read', { operationId: opId, messageId }, { userIds: [p.userId, m.senderId as string] });
    }
    const recipients = await database.rows<{ userId: string; displayName: string }>(sql`SELECT u.id AS "userId", u.display_name AS "displayName"
      FROM comm_deliveries d JOIN identity_users u ON u.id = d.user_id WHERE d.message_id = ${messageId} ORDER BY u.display_name LIMIT 1000`);
    const attachmentList = await database.rows<{ id: string; name: string; mime: string; size: number }>(sql`SELECT f.id, f.name, f.mime, f.size
      FROM comm_attachments a JOIN files f ON f.id = a.file_id WHERE a.message_id = ${messageId} ORDER BY a.position`);
    const { senderFolder, deliveryFolder, readAt, ...rest } = m;
    return {
      ...rest,
      sentAt: iso(m.sentAt),
      read: isSender ? true : markRead || !!readAt,
      folder: (deliveryFolder ?? senderFolder) as string,
      recipients,
      attachmentList,
    } as unknown as Message;
  }

  /** "46 read, 250 unread", and who: for the sender and the operation's OCU. */
  async function readStatus(p: Principal, opId: string, messageId: string) {
    const role = await operations.requireMember(p, opId);
    const [m] = await database.rows<{ sender: string }>(sql`SELECT sender_id AS sender FROM comm_messages WHERE id = ${messageId} AND operation_id = ${opId}`);
    if (!m) throw notFound('Message');
    if (m.sender !== p.userId && !(MAY.seeEverything as readonly string[]).includes(role)) throw forbidden('Only the sender and the OCU see who read a message.');
    const rows = await database.rows<Record<string, unknown>>(sql`SELECT u.id AS "userId", u.display_name AS "displayName", o.country::text AS country, d.read_at AS "readAt"
      FROM comm_deliveries d JOIN identity_users u ON u.id = d.user_id JOIN identity_organisations o ON o.id = u.org_id
      WHERE d.message_id = ${messageId} ORDER BY d.read_at IS NULL, d.read_at, u.display_name`);
    const recipients = rows.map((r) => ({ ...r, readAt: iso(r.readAt) })) as { userId: string; displayName: string; country: string | null; readAt: string | null }[];
    const read = recipients.filter((r) => r.readAt).length;
    return { read, unread: recipients.length - read, recipients };
  }

  async function move(p: Principal, opId: string, messageId: string, folder: string) {
    await operations.requireMember(p, opId);
    const custom = folder !== 'inbox' && folder !== 'bin' && folder !== 'outbox';
    if (custom && !(await ownFolder(opId, p.userId, folder))) throw badRequest('No such folder of yours.', [{ field: 'body.folder', message: 'is not inbox, outbox, bin or a folder of yours' }]);
    const moved = folder === 'outbox' ? [] : await database.rows(sql`UPDATE comm_deliveries SET folder = ${folder} WHERE message_id = ${messageId} AND user_id = ${p.userId}
      AND operation_id = ${opId} RETURNING message_id`);
    if (moved.length) return;
    // The sender's own copy moves between the outbox and the bin.
    const own = folder === 'outbox' || folder === 'bin' ? await database.rows(sql`UPDATE comm_messages SET sender_folder = ${folder} WHERE id = ${messageId} AND operation_id = ${opId}
      AND sender_id = ${p.userId} AND status = 'sent' RETURNING id`) : [];
    if (!own.length) throw notFound('Message');
  }

  async function folders(p: Principal, opId: string) {
    await operations.requireMember(p, opId);
    const counts = await database.rows<{ folder: string; total: number; unread: number }>(sql`SELECT folder, count(*)::int AS total,
        count(*) FILTER (WHERE read_at IS NULL)::int AS unread
      FROM comm_deliveries WHERE user_id = ${p.userId} AND operation_id = ${opId} GROUP BY folder`);
    const [{ n: outbox }] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM comm_messages WHERE operation_id = ${opId} AND sender_id = ${p.userId} AND sender_folder = 'outbox'`);
    const own = await database.rows<{ id: string; name: string }>(sql`SELECT id, name FROM comm_folders WHERE operation_id = ${opId} AND user_id = ${p.userId} ORDER BY lower(name)`);
    const c = (f: string) => counts.find((x) => x.folder === f) ?? { total: 0, unread: 0 };
    return [
      { id: 'inbox', name: 'inbox', builtIn: true, ...pick(c('inbox')) },
      { id: 'outbox', name: 'outbox', builtIn: true, total: outbox, unread: 0 },
      { id: 'bin', name: 'bin', builtIn: true, ...pick(c('bin')) },
      ...own.map((f) => ({ id: f.id, name: f.name, builtIn: false, ...pick(c(f.id)) })),
    ];
  }
  const pick = (x: { total: number; unread: number }) => ({ total: x.total, unread: x.unread });

  async function createFolder(p: Principal, opId: string, name: string) {
    await operations.requireMember(p, opId);
    try {
      await database.rows(sql`INSERT INTO comm_folders (operation_id, user_id, name) VALUES (${opId}, ${p.userId}, ${name})`);
    } catch (e) {
      if (isUniqueViolation(e))
        throw conflict(`You already have a folder named "${name}".`, [{ field: 'body.name', message: 'is already used' }]);
      throw e;
    }
    return folders(p, opId);
  }

  /** Deleting a folder puts its messages back in the inbox; nothing is lost. */
  async function deleteFolder(p: Principal, opId: string, folderId: string) {
    await operations.requireMember(p, opId);
    if (!(await ownFolder(opId, p.userId, folderId))) throw notFound('Folder');
    await database.db.transaction(async (t) => {
      await t.execute(sql`UPDATE comm_deliveries SET folder = 'inbox' WHERE user_id = ${p.userId} AND operation_id = ${opId} AND folder = ${folderId}`);
      await t.execute(sql`DELETE FROM comm_folders WHERE id = ${folderId}`);
    });
    return folders(p, opId);
  }

  async function upload(p: Principal, opId: string, name: string, data: Buffer) {
    await operations.requireMember(p, opId);
    const f = await files.put({ name, data, ownerUserId: p.userId });
    return { id: f.id, name: f.name, mime: f.mime, size: f.size };
  }

  /** An attachment of a message the member sent or received. */
  async function attachmentFile(p: Principal, opId: string, messageId: string, fileId: string) {
    await getMessage(p, opId, messageId, false);
    const [a] = await database.rows(sql`SELECT 1 FROM comm_attachments WHERE message_id = ${messageId} AND file_id = ${fileId}`);
    if (!a) throw notFound('Attachment');
    const f = await files.get(fileId);
    if (!f) throw notFound('Attachment');
    await audit.record({ actor: p, action: 'comm.attachment.download', targetType: 'operation', targetId: opId, detail: { messageId, fileId } });
    return f;
  }

  return { send, list, getMessage, readStatus, move, folders, createFolder, deleteFolder, upload, attachmentFile };
}

export type Mailbox = ReturnType<typeof createMailbox>;
