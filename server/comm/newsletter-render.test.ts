import { describe, expect, it } from 'vitest';
import { html, localTime, renderNewsletter, type NewsletterData } from './newsletter-render.ts';
import { NEWSLETTER_WORDS } from './newsletter-text.ts';
import { localDayHour } from './newsletters.ts';
import { seizureDefinition, BUILTIN_NAMES } from './builtin-templates.ts';
import { TEMPLATE_LANGS, type TemplateDefinition } from './templates-schema.ts';

describe('newsletter markup', () => {
  it('escapes every interpolated value, in text and in quoted attributes, unless it is markup made by html', () => {
    const evil = `"><img src=x onerror=alert(1)>&'`;
    const out = html`<p title="${evil}">${evil}${html`<b>${evil}</b>`}${[evil, html`<i>ok</i>`]}${null}${undefined}${false}${0}</p>`.value;
    expect(out).not.toContain('<img');
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;<b>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;</b>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;&#39;<i>ok</i>0</p>',
    );
  });

  it('has every word of its own in the seven languages', () => {
    for (const [key, words] of Object.entries(NEWSLETTER_WORDS)) for (const l of TEMPLATE_LANGS) expect(words[l]?.trim(), `${key} ${l}`).toBeTruthy();
  });
});

describe('local day and hour', () => {
  it('reads the day and hour in the operation’s zone, half-hour zones included, and refuses an unknown zone', () => {
    const at = new Date('2026-03-01T02:40:00Z');
    expect(localDayHour(at, 'UTC')).toEqual({ day: '2026-03-01', hour: 2 });
    expect(localDayHour(at, 'Asia/Kabul')).toEqual({ day: '2026-03-01', hour: 7 }); // UTC+4:30
    expect(localDayHour(at, 'America/Bogota')).toEqual({ day: '2026-02-28', hour: 21 });
    expect(localDayHour(at, 'Mars/Olympus')).toBeNull();
    expect(localTime('2026-03-01T02:40:00Z', 'Asia/Kabul')).toBe('2026-03-01 07:10');
    expect(localTime('2026-03-01T02:40:00Z', 'Mars/Olympus')).toBe('2026-03-01 02:40 UTC');
  });
});

describe('rendering', () => {
  const def = JSON.parse(JSON.stringify(seizureDefinition(null))) as TemplateDefinition;
  const data: NewsletterData = {
    operation: { id: 'op', code: 'GS', name: 'Global Shield' },
    stats: {
      messages: { total: 3, plain: 1, byTemplate: [{ code: 'SEIZURE', label: 'Seizure message', count: 2 }] },
      warnings: { total: 2, open: 1, closed: 1, answered: 1 },
      responseTime: { answered: 1, medianSeconds: 93_600, meanSeconds: 93_600 },
      seizures: { total: 2, byCommodity: [{ code: 'EXPLOSIVES', label: 'Explosives and precursors', count: 2 }], byCountry: [{ country: 'KE', count: 2 }], byPrecursor: [] },
    },
    period: { byTemplate: [{ code: 'SEIZURE', count: 1 }] },
    labels: { templates: { SEIZURE: BUILTIN_NAMES.SEIZURE }, commodity: { EXPLOSIVES: { en: 'Explosives and precursors', ur: 'دھماکہ خیز مواد اور پیش رو کیمیکلز' } }, precursors: {} },
    seizures: [
      {
        id: 's1',
        number: 'GS-S-2026-0001',
        sentAt: '2026-03-01T06:00:00Z',
        senderName: 'Officer </td><script>',
        senderCountry: 'KE',
        templateId: 't',
        templateVersion: 1,
        fields: { commodity_type: 'EXPLOSIVES', seizure_country: 'KE', narrative: 'Line one\nLine two' },
        photos: [{ thumbId: 'p1', name: 'drums".jpg' }],
      },
    ],
  };
  const meta = { kind: 'daily' as const, localDay: '2026-03-01', timeZone: 'Asia/Karachi', periodStart: '2026-02-28T02:00:00Z', periodEnd: '2026-03-01T02:00:00Z', generatedAt: '2026-03-01T02:00:00Z' };
  const look = { country: (c: string) => ({ KE: 'کینیا' })[c], locode: () => undefined };

  it('writes an Urdu newsletter right to left with durations, names and photos by URL, no styles in the app version', () => {
    const out = renderNewsletter({ meta, data, lang: 'ur', definitions: new Map([['t:1', def]]), look, mode: { kind: 'app', photoUrl: (id) => `/photos/${id}` } });
    expect(out.html).toContain('<html lang="ur" dir="rtl">');
    expect(out.html).toContain('<body dir="rtl">');
    expect(out.html).toContain('26 گھنٹے 0 منٹ');
    expect(out.html).toContain('کینیا (KE)');
    expect(out.html).toContain('<img src="/photos/p1" alt="drums&quot;.jpg">');
    expect(out.html).toContain('Officer &lt;/td&gt;&lt;script&gt;');
    expect(out.html).not.toMatch(/style=|<script/);
    expect(out.subject).toBe('[OpenCEN] Global Shield — روزانہ نیوز لیٹر 2026-03-01');
    expect(out.text).toContain('Line one Line two');
  });

  it('writes the e-mail version with inline styles, photos by content id and a link to the app', () => {
    const out = renderNewsletter({ meta, data, lang: 'en', definitions: new Map([['t:1', def]]), look: { country: () => 'Kenya', locode: () => undefined }, mode: { kind: 'mail', cid: (id) => `${id}@x`, appLink: 'https://cen.example/operations/op/newsletters/n' } });
    expect(out.html).toContain('<html lang="en" dir="ltr">');
    expect(out.html).toContain('src="cid:p1@x"');
    expect(out.html).toContain('<a href="https://cen.example/operations/op/newsletters/n">Read it in OpenCEN</a>');
    expect(out.html).toContain('style="');
    expect(out.text).toContain('Read it in OpenCEN: https://cen.example/operations/op/newsletters/n');
    expect(out.text).toContain('Median: 26 h 0 min');
  });
});
