import { eq, sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.ts';
import type { AuditLog, JobRunner } from '../platform/context.ts';
import type { Sealer } from '../platform/crypto/sealer.ts';
import type { Principal } from '../platform/http/access.ts';
import { Problem, badRequest, tooMany, unauthorized } from '../platform/http/problem.ts';
import { users } from './tables.ts';
import { burnPasswordCheck, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { checkTotp, enrolmentFor, newTotpSecret } from './totp.ts';
import { completeSecondFactor, createSession, destroySession, destroyUserSessions } from './sessions.ts';
import { secondFactorStep } from './me.ts';

// After this many wrong passwords or codes in a row the account is locked for LOCK_MS.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

export interface AuthDeps {
  database: Database;
  audit: AuditLog;
  sealer: Sealer;
  jobs?: JobRunner;
  /** Whether another module requires a second factor of this user beyond the roles (e.g. an operation coordinator). */
  secondFactorRequired?: (userId: string) => Promise<boolean>;
}

interface RequestMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

function lockedProblem(until: Date) {
  return tooMany(`Too many failed attempts: this account is locked until ${until.toISOString()}.`);
}

async function registerFailure(deps: AuthDeps, user: typeof users.$inferSelect, meta: RequestMeta, reason: string) {
  const failed = user.failedLogins + 1;
  const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCK_MS) : null;
  await deps.database.db
    .update(users)
    .set({ failedLogins: lockedUntil ? 0 : failed, lockedUntil: lockedUntil ?? user.lockedUntil })
    .where(eq(users.id, user.id));
  await deps.audit.record({
    actor: null,
    action: lockedUntil ? 'auth.locked' : 'auth.login.failed',
    targetType: 'user',
    targetId: user.id,
    detail: { reason, failedAttempts: failed },
    ip: meta.ip,
    requestId: meta.requestId,
  });
  if (lockedUntil && deps.jobs)
    await deps.jobs.enqueue('mail.send', {
      to: user.email,
      subject: 'OpenCEN: your account is locked',
      text: `Hello ${user.displayName},\n\nAfter ${MAX_FAILED_LOGINS} failed sign-in attempts your OpenCEN account ${user.username} is locked until ${lockedUntil.toISOString()}.\nIf these attempts were not yours, tell your administrator.`,
    });
  return lockedUntil;
}

export async function login(deps: AuthDeps, username: string, password: string, meta: RequestMeta) {
  const [user] = await deps.database.db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  if (!user || !user.passwordHash || user.system) {
    await burnPasswordCheck(password);
    await deps.audit.record({ actor: null, action: 'auth.login.failed', detail: { reason: 'unknown user', username: username.slice(0, 100) }, ip: meta.ip, requestId: meta.requestId });
    throw unauthorized('Wrong username or password.');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedProblem(user.lockedUntil);
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || user.disabled) {
    if (user.disabled) throw unauthorized('Wrong username or password.');
    const locked = await registerFailure(deps, user, meta, 'wrong password');
    if (locked) throw lockedProblem(locked);
    throw unauthorized('Wrong username or password.');
  }
  const step = secondFactorStep(user, (await deps.secondFactorRequired?.(user.id)) ?? false);
  await deps.database.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: step === 'none' ? new Date() : user.lastLoginAt })
    .where(eq(users.id, user.id));
  const session = await createSession(deps.database, user.id, step !== 'none', meta);
  await deps.audit.record({
    actor: { userId: user.id, orgId: user.orgId, roles: [], via: 'session', secondFactorPending: step !== 'none' },
    action: step === 'none' ? 'auth.login' : 'auth.password.ok',
    targetType: 'user',
    targetId: user.id,
    detail: { secondFactor: step },
    ip: meta.ip,
    requestId: meta.requestId,
  });
  return { userId: user.id, session, secondFactor: step };
}

async function userOf(deps: AuthDeps, p: Principal) {
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, p.userId));
  if (!user) throw unauthorized();
  return user;
}

export async function startTotpEnrolment(deps: AuthDeps, p: Principal) {
  const user = await userOf(deps, p);
  if (user.totpEnabled) throw new Problem(409, 'Conflict', 'A second factor is already enrolled for this account.');
  const secret = newTotpSecret();
  await deps.database.db.update(users).set({ totpPendingSecret: deps.sealer.seal(secret) }).where(eq(users.id, user.id));
  return enrolmentFor(secret, user.username);
}

export async function confirmTotpEnrolment(deps: AuthDeps, p: Principal, code: string, meta: RequestMeta) {
  const user = await userOf(deps, p);
  if (!user.totpPendingSecret) throw badRequest('Start the enrolment first.', [{ field: 'body.code', message: 'no enrolment in progress' }]);
  const secret = deps.sealer.open(user.totpPendingSecret);
  const step = checkTotp(secret, code);
  if (step === null) throw badRequest('The code is not valid; check the clock of your device and try again.', [{ field: 'body.code', message: 'is not valid' }]);
  await deps.database.db
    .update(users)
    .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabled: true, totpLastStep: step, lastLoginAt: new Date() })
    .where(eq(users.id, user.id));
  if (p.sessionId) await completeSecondFactor(deps.database, p.sessionId, p.userId);
  await deps.audit.record({ actor: p, action: 'auth.totp.enrolled', targetType: 'user', targetId: user.id, ip: meta.ip, requestId: meta.requestId });
}

export async function verifySecondFactor(deps: AuthDeps, p: Principal, code: string, meta: RequestMeta) {
  const user = await userOf(deps, p);
  if (!user.totpEnabled || !user.totpSecret) throw badRequest('No second factor is enrolled for this account.');
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedProblem(user.lockedUntil);
  const step = checkTotp(deps.sealer.open(user.totpSecret), code);
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    const locked = await registerFailure(deps, user, meta, step === null ? 'wrong code' : 'code reused');
    if (locked) {
      if (p.sessionId) await destroySession(deps.database, p.sessionId, p.userId);
      throw lockedProblem(locked);
    }
    throw badRequest('The code is not valid.', [{ field: 'body.code', message: 'is not valid' }]);
  }
  await deps.database.db.update(users).set({ totpLastStep: step, failedLogins: 0, lastLoginAt: new Date() }).where(eq(users.id, user.id));
  if (p.sessionId) await completeSecondFactor(deps.database, p.sessionId, p.userId);
  await deps.audit.record({ actor: p, action: 'auth.login', targetType: 'user', targetId: user.id, detail: { secondFactor: 'totp' }, ip: meta.ip, requestId: meta.requestId });
}

export async function changePassword(deps: AuthDeps, p: Principal, current: string, next: string, meta: RequestMeta) {
  const user = await userOf(deps, p);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current)))
    throw badRequest('The current password is wrong.', [{ field: 'body.currentPassword', message: 'is wrong' }]);
  const weak = passwordProblem(next, user.username);
  if (weak) throw badRequest(`The new password ${weak}.`, [{ field: 'body.newPassword', message: weak }]);
  if (current === next) throw badRequest('The new password must differ from the current one.', [{ field: 'body.newPassword', message: 'must differ from the current one' }]);
  await deps.database.db.update(users).set({ passwordHash: await hashPassword(next), mustChangePassword: false, updatedAt: new Date() }).where(eq(users.id, user.id));
  // Other sessions of this user may have been opened with the old password.
  await destroyUserSessions(deps.database, user.id, p.sessionId);
  await deps.audit.record({ actor: p, action: 'auth.password.changed', targetType: 'user', targetId: user.id, ip: meta.ip, requestId: meta.requestId });
}

export async function logout(deps: AuthDeps, p: Principal, meta: RequestMeta) {
  if (p.sessionId) await destroySession(deps.database, p.sessionId, p.userId);
  await deps.audit.record({ actor: p, action: 'auth.logout', targetType: 'user', targetId: p.userId, ip: meta.ip, requestId: meta.requestId });
}
