import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createMailer } from './mailer.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

function recordingLog() {
  const lines: { obj: unknown; msg?: string }[] = [];
  const log = {
    info: (obj: unknown, msg?: string) => void lines.push({ obj, msg }),
    warn: (obj: unknown, msg?: string) => void lines.push({ obj, msg }),
  };
  return { lines, log: log as never };
}

describe('mailer over a real SMTP server on loopback', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers recipients, subject, text and HTML', async () => {
    const { log } = recordingLog();
    const mailer = createMailer(
      { smtp: { host: '127.0.0.1', port, secure: false, from: 'OpenCEN <no-reply@opencen.test>' }, mailFrom: 'OpenCEN <no-reply@opencen.test>' },
      log,
    );
    await mailer.send({
      to: ['ncp@customs.example', 'rilo@customs.example'],
      subject: 'Seizure awaiting validation',
      text: 'Seizure 42 waits for you.',
      html: '<p>Seizure <b>42</b> waits for you.</p>',
    });

    expect(received).toHaveLength(1);
    const mail = received[0];
    expect(mail.from).toBe('no-reply@opencen.test');
    expect(mail.to).toEqual(['ncp@customs.example', 'rilo@customs.example']);
    expect(mail.raw).toMatch(/^Subject: Seizure awaiting validation\r?$/m);
    expect(mail.raw).toMatch(/^To: ncp@customs\.example, rilo@customs\.example\r?$/m);
    const [textPart, htmlPart] = mail.raw.split(/Content-Type: text\/html/);
    expect(textPart).toMatch(/Content-Type: text\/plain/);
    expect(textPart).toContain('Seizure 42 waits for you.');
    expect(htmlPart).toContain('<p>Seizure <b>42</b> waits for you.</p>');
  });

  it('carries inline images by content id beside the HTML', async () => {
    const before = received.length;
    const { log } = recordingLog();
    const mailer = createMailer({ smtp: { host: '127.0.0.1', port, secure: false, from: 'x@opencen.test' }, mailFrom: 'x@opencen.test' }, log);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await mailer.send({
      to: 'one@customs.example',
      subject: 'Newsletter',
      text: 'Seizure photo',
      html: '<p><img src="cid:photo-1@opencen" alt="drums"></p>',
      inline: [{ cid: 'photo-1@opencen', filename: 'drums.png', contentType: 'image/png', contentBase64: png.toString('base64') }],
    });
    const raw = received[before].raw;
    expect(raw).toMatch(/Content-Type: multipart\/related/);
    expect(raw).toMatch(/^Content-ID: <photo-1@opencen>\r?$/m);
    expect(raw).toMatch(/^Content-Disposition: inline; filename=drums\.png\r?$/m);
    const part = raw.split(/Content-ID: <photo-1@opencen>\r?\n/)[1].split(/\r?\n\r?\n/)[1].split(/\r?\n--/)[0];
    expect(Buffer.from(part.replace(/\s+/g, ''), 'base64').equals(png)).toBe(true);
  });

  it('accepts a single recipient as a string', async () => {
    const before = received.length;
    const { log } = recordingLog();
    const mailer = createMailer({ smtp: { host: '127.0.0.1', port, secure: false, from: 'x@opencen.test' }, mailFrom: 'x@opencen.test' }, log);
    await mailer.send({ to: 'one@customs.example', subject: 'Hello', text: 'Plain only' });
    expect(received[before].to).toEqual(['one@customs.example']);
    expect(received[before].raw).toContain('Plain only');
  });

  it('without SMTP settings logs subject and recipients only and sends nothing', async () => {
    const before = received.length;
    const { lines, log } = recordingLog();
    const mailer = createMailer({ smtp: undefined, mailFrom: 'x@opencen.test' }, log);
    await mailer.send({ to: 'one@customs.example', subject: 'Reset your password', text: 'secret-token-123' });
    expect(received.length).toBe(before);
    expect(lines).toHaveLength(1);
    expect(lines[0].obj).toEqual({ to: ['one@customs.example'], subject: 'Reset your password' });
    expect(JSON.stringify(lines)).not.toContain('secret-token-123');
  });
});
