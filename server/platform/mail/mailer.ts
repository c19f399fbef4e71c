import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Mailer, MailMessage } from '../context.ts';

export type MailLog = Pick<FastifyBaseLogger, 'info' | 'warn'>;

/**
 * Sends mail through the configured SMTP server. Without SMTP settings
 * (a fresh install, a demo, most tests) the mail is only logged — subject and
 * recipients, never the body, which may carry operational details — and not sent.
 */
export function createMailer(config: Pick<Config, 'smtp' | 'mailFrom'>, log: MailLog): Mailer {
  const smtp = config.smtp;
  if (!smtp) {
    return {
      async send(msg) {
        log.info({ to: recipients(msg), subject: msg.subject }, 'mail not sent: no SMTP server configured');
      },
    };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
  });
  return {
    async send(msg) {
      const attachments = msg.inline?.map((a) => ({ cid: a.cid, filename: a.filename, contentType: a.contentType, content: a.contentBase64, encoding: 'base64', contentDisposition: 'inline' as const }));
      const info = await transport.sendMail({ from: smtp.from, to: recipients(msg), subject: msg.subject, text: msg.text, html: msg.html, attachments });
      log.info({ to: recipients(msg), subject: msg.subject, messageId: info.messageId }, 'mail sent');
    },
  };
}

function recipients(msg: MailMessage): string[] {
  return [msg.to].flat();
}
