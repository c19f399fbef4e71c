import { resolve, join } from 'node:path';
import { z } from 'zod';

// Every setting comes from the environment; docs/configuration.md lists them all.
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  OPENCEN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  OPENCEN_ROLE: z.enum(['hub', 'national']).default('hub'),
  OPENCEN_MASTER_KEY_FILE: z.string().optional(),
  OPENCEN_PUBLIC_URL: z.string().url().optional(),
  OPENCEN_COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
  OPENCEN_DEMO: z.enum(['true', 'false']).default('true'),
  OPENCEN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENCEN_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(10),
  OPENCEN_IMPORT_LIMIT_MB: z.coerce.number().positive().max(1024 * 1024).default(2048),
  OPENCEN_JOBS: z.enum(['true', 'false']).default('true'),
  OPENCEN_SIGNIN_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  // Addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed; none by default.
  OPENCEN_TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.every((a) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(a)), 'must be a comma-separated list of IP addresses or CIDR ranges'),
  // A national node's hub (issue 13): where its seizures are pushed, and the hub system account's API token.
  OPENCEN_HUB_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// address')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  OPENCEN_HUB_TOKEN: z.string().trim().min(1, 'must not be empty').optional(),
  OPENCEN_HUB_TOKEN_FILE: z.string().min(1, 'must not be empty').optional(),
  OPENCEN_HUB_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  // Requests for WCO data: the least number of seizures in a published cell of an aggregated extract.
  OPENCEN_DATA_REQUEST_MIN_CELL: z.coerce.number().int().min(2).max(1000).default(5),
  // IRIS feeds on loopback, private or link-local addresses (the demo's local feeds); refused by default against request forgery.
  OPENCEN_OSINT_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('OpenCEN <no-reply@opencen.local>'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  role: 'hub' | 'national';
  masterKeyFile: string;
  publicUrl: string;
  cookieSecure: boolean;
  demo: boolean;
  logLevel: string;
  uploadLimitBytes: number;
  /** Largest seizure import file (streamed to disk, never held in memory). */
  importLimitBytes: number;
  /** Sign-in attempts allowed from one address per 5 minutes. */
  signInsPerAddress: number;
  /** Proxies whose X-Forwarded-For names the client; empty: the connection's address is the client's. */
  trustProxy: string[];
  runJobs: boolean;
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  mailFrom: string;
  /**
   * A national node's link to its hub: the hub's address, its API token (given, or read from a file at each
   * use so that a renewed token needs no restart) and how often the hub's answers are fetched.
   */
  hub: { url: string | null; token: string | null; tokenFile: string | null; pollSeconds: number };
  /** Requests for WCO data: a published cell of an aggregated extract counts at least this many seizures (k). */
  dataRequestMinCell: number;
  /** IRIS may fetch sources on loopback, private and link-local addresses (never the cloud metadata addresses). */
  osintAllowPrivate: boolean;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.OPENCEN_HUB_TOKEN && e.OPENCEN_HUB_TOKEN_FILE)
    throw new Error('Invalid configuration:\n  OPENCEN_HUB_TOKEN_FILE: set either OPENCEN_HUB_TOKEN or OPENCEN_HUB_TOKEN_FILE, not both');
  const dataDir = resolve(e.OPENCEN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    role: e.OPENCEN_ROLE,
    masterKeyFile: e.OPENCEN_MASTER_KEY_FILE ? resolve(e.OPENCEN_MASTER_KEY_FILE) : join(dataDir, 'keys', 'master.key'),
    publicUrl: e.OPENCEN_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    cookieSecure: e.OPENCEN_COOKIE_SECURE === 'true',
    demo: e.OPENCEN_DEMO === 'true',
    logLevel: e.OPENCEN_LOG_LEVEL,
    uploadLimitBytes: Math.round(e.OPENCEN_UPLOAD_LIMIT_MB * 1024 * 1024),
    importLimitBytes: Math.round(e.OPENCEN_IMPORT_LIMIT_MB * 1024 * 1024),
    signInsPerAddress: e.OPENCEN_SIGNIN_PER_ADDRESS,
    trustProxy: e.OPENCEN_TRUST_PROXY,
    runJobs: e.OPENCEN_JOBS === 'true',
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, secure: e.SMTP_SECURE === 'true', user: e.SMTP_USER, password: e.SMTP_PASSWORD, from: e.SMTP_FROM }
      : undefined,
    mailFrom: e.SMTP_FROM,
    hub: {
      url: e.OPENCEN_HUB_URL ?? null,
      token: e.OPENCEN_HUB_TOKEN ?? null,
      tokenFile: e.OPENCEN_HUB_TOKEN_FILE ? resolve(e.OPENCEN_HUB_TOKEN_FILE) : null,
      pollSeconds: e.OPENCEN_HUB_POLL_SECONDS,
    },
    dataRequestMinCell: e.OPENCEN_DATA_REQUEST_MIN_CELL,
    osintAllowPrivate: e.OPENCEN_OSINT_ALLOW_PRIVATE === 'true',
  };
}
