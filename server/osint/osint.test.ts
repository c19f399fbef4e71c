import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../platform/testing/test-app.ts';
import { signIn } from '../seizures/testing.ts';

let t: TestApp;
let member: Awaited<ReturnType<typeof signIn>>;
let i2c: Awaited<ReturnType<typeof signIn>>;
let partner: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await startTestApp();
  member = await signIn(t, ['ncp'], { country: 'FR' });
  i2c = await signIn(t, ['i2c_officer'], { country: 'BE' });
  partner = await signIn(t, ['partner'], { kind: 'partner', country: 'FR' });
});
afterAll(() => t?.close());

describe('POST /api/v1/osint/geotag', () => {
  it('answers the countries, the focus, the places with their offsets and the detected language', async () => {
    const title = 'Turkey seizes 1.2 tonnes of methamphetamine in Mersin';
    const text = 'Turkish police found the drugs on a ship that had sailed from Iran. Michael Jordan was not involved.';
    const res = await member.client.post('/api/v1/osint/geotag', { title, text });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ focus: 'TR', language: 'en' });
    expect(res.body.countries.sort()).toEqual(['IR', 'TR']);
    for (const p of res.body.places as { name: string; start: number; end: number; field: 'title' | 'text' }[]) expect((p.field === 'title' ? title : text).slice(p.start, p.end)).toBe(p.name);
  });

  it('takes the declared language, and the I2C may use it too', async () => {
    const res = await i2c.client.post('/api/v1/osint/geotag', { title: 'Saisie de cocaïne au Havre', text: 'La douane française a saisi une tonne venue de Colombie.', language: 'fr' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ focus: 'FR', language: 'fr' });
    expect(res.body.countries.sort()).toEqual(['CO', 'FR']);
  });

  it('refuses bad input with a message naming the field', async () => {
    const missing = await member.client.post('/api/v1/osint/geotag', { text: 'No title here' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('title');
    const tooLong = await member.client.post('/api/v1/osint/geotag', { title: 'Long', text: 'a'.repeat(100_001) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('100,000');
    const badLanguage = await member.client.post('/api/v1/osint/geotag', { title: 'Seizure', language: 'de' });
    expect(badLanguage.status).toBe(400);
    expect(JSON.stringify(badLanguage.body)).toContain('language');
  });

  it('is for signed-in members only', async () => {
    const anonymous = await fetch(`${t.url}/api/v1/osint/geotag`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Turkey' }) });
    expect(anonymous.status).toBe(401);
    expect((await partner.client.post('/api/v1/osint/geotag', { title: 'Turkey' })).status).toBe(403);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = await member.client.get('/api/docs/json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/osint/geotag', '/api/v1/osint/language']));
  });
});

describe('POST /api/v1/osint/language', () => {
  it('identifies the language, within the candidates, with the prior for short texts', async () => {
    const ru = await member.client.post('/api/v1/osint/language', { text: 'Таможенники изъяли две тонны кокаина в порту.' });
    expect(ru.status).toBe(200);
    expect(ru.body.language).toBe('ru');
    const short = await member.client.post('/api/v1/osint/language', { text: 'Port de Santos', prior: 'pt' });
    expect(short.body.language).toBe('pt');
    expect((await member.client.post('/api/v1/osint/language', { text: '' })).status).toBe(400);
  });
});
