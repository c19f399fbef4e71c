import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import escapeHtml from 'escape-html';
import PDFDocument from 'pdfkit';
import type { BulletinView } from './schema.ts';

// A bulletin rendered to HTML (to read in the browser or attach) and to PDF. The PDF is made by pdfkit, a
// PDF library, rather than by printing the HTML in a headless browser: a server then needs no browser
// installed, memory stays small and the output does not depend on a browser version. DejaVu Sans is embedded
// so that Latin, Cyrillic and Greek text prints as typed.

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const RISK_TLP: Record<string, string> = { H0: 'TLP:CLEAR', H1: 'TLP:GREEN', H2: 'TLP:AMBER', H3: 'TLP:RED' };
const period = (b: BulletinView) => `${b.periodFrom} – ${b.periodTo}${b.region ? ` · ${b.region}` : ' · all regions'}`;

/** A bar chart of seizures per month as inline SVG. */
function monthlySvg(rows: { month: string; seizures: number }[]): string {
  if (!rows.length) return '';
  const max = Math.max(...rows.map((r) => r.seizures), 1);
  const w = 28;
  const bars = rows
    .map((r, i) => {
      const h = Math.round((r.seizures / max) * 120);
      return `<rect x="${i * w + 4}" y="${130 - h}" width="${w - 8}" height="${h}" fill="#1f5f99"><title>${escapeHtml(r.month)}: ${r.seizures}</title></rect>
        <text x="${i * w + w / 2}" y="146" font-size="9" text-anchor="middle">${escapeHtml(r.month.slice(2))}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="Seizures per month" width="${rows.length * w + 8}" height="150" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

const table = (head: string[], rows: (string | number)[][]) =>
  rows.length
    ? `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '<p>None in the period.</p>';

export function bulletinHtml(b: BulletinView): string {
  const f = b.figures;
  const body = [
    `<header><p class="handling">${escapeHtml(b.handling)} · ${RISK_TLP[b.handling]}</p><h1>${escapeHtml(b.title)}</h1><p>${escapeHtml(b.reference)} · ${escapeHtml(period(b))} · ${escapeHtml(b.authorOrgName)}</p></header>`,
    ...b.sections.map((s) => `<section><h2>${escapeHtml(s.heading)}</h2>${s.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('')}</section>`),
    `<section><h2>CEN figures</h2><p>${f.seizures.toLocaleString('en')} validated seizures in the period.</p>${monthlySvg(f.monthly)}`,
    `<h3>By category</h3>${table(['Category', 'Seizures'], f.byCategory.map((c) => [c.category, c.seizures]))}`,
    `<h3>Main routes</h3>${table(['Departure', 'Destination', 'Seizures'], f.topRoutes.map((r) => [r.departure, r.destination, r.seizures]))}`,
    `<h3>Concealment</h3>${table(['Method', 'Seizures'], f.topConcealment.map((c) => [c.code, c.seizures]))}`,
    `<h3>Detection</h3>${table(['Method', 'Seizures'], f.topDetection.map((c) => [c.code, c.seizures]))}`,
    `<h3>Countries</h3>${table(['Country', 'Seizures'], f.byCountry.map((c) => [c.code, c.seizures]))}</section>`,
    `<section><h2>Alerts of the period</h2>${table(['Reference', 'Title', 'Risk area', 'Handling', 'Circulated'], b.alerts.map((a) => [a.reference, a.title, a.riskArea, a.handling, a.circulatedAt.slice(0, 10)]))}</section>`,
  ].join('\n');
  return `<!doctype html><html lang="${escapeHtml(b.language)}"><head><meta charset="utf-8"><title>${escapeHtml(b.reference)} ${escapeHtml(b.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5;color:#1a1a1a}table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}.handling{font-weight:700;color:#8a4b00}</style></head>
<body>${body}</body></html>`;
}

/** The same content as a PDF (A4), with the handling code on every page. */
export function bulletinPdf(b: BulletinView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${b.reference} ${b.title}`, Author: b.authorOrgName, Subject: `${b.handling} ${RISK_TLP[b.handling]}` }, bufferPages: true });
  doc.registerFont('body', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = b.figures;
  const heading = (text: string, size = 14) => doc.moveDown(0.6).font('bold').fontSize(size).text(text).moveDown(0.2).font('body').fontSize(10);
  const rows = (head: string[], data: (string | number)[][]) => {
    if (!data.length) return void doc.text('None in the period.');
    doc.font('bold').text(head.join('  ·  ')).font('body');
    for (const r of data) doc.text(r.map(String).join('  ·  '));
  };

  doc.font('bold').fontSize(10).fillColor('#8a4b00').text(`${b.handling} · ${RISK_TLP[b.handling]}`).fillColor('black');
  doc.fontSize(20).text(b.title).font('body').fontSize(10).text(`${b.reference} · ${period(b)} · ${b.authorOrgName}`);
  for (const s of b.sections) {
    heading(s.heading);
    doc.text(s.body, { align: 'left' });
  }
  heading('CEN figures');
  doc.text(`${f.seizures.toLocaleString('en')} validated seizures in the period.`).moveDown(0.5);
  if (f.monthly.length) {
    // Seizures per month as bars, labelled with the month and the count.
    const max = Math.max(...f.monthly.map((m) => m.seizures), 1);
    const x0 = doc.x;
    const y0 = doc.y + 110;
    const w = Math.min(36, (doc.page.width - 100) / f.monthly.length);
    f.monthly.forEach((m, i) => {
      const h = (m.seizures / max) * 100;
      doc.rect(x0 + i * w + 2, y0 - h, w - 4, h).fill('#1f5f99');
      doc.fillColor('black').fontSize(7).text(m.month.slice(2), x0 + i * w, y0 + 2, { width: w, align: 'center' }).text(String(m.seizures), x0 + i * w, y0 - h - 9, { width: w, align: 'center' });
    });
    doc.fontSize(10).text('', x0, y0 + 16);
  }
  heading('By category', 12);
  rows(['Category', 'Seizures'], f.byCategory.map((c) => [c.category, c.seizures]));
  heading('Main routes', 12);
  rows(['Departure', 'Destination', 'Seizures'], f.topRoutes.map((r) => [r.departure, r.destination, r.seizures]));
  heading('Concealment', 12);
  rows(['Method', 'Seizures'], f.topConcealment.map((c) => [c.code, c.seizures]));
  heading('Countries', 12);
  rows(['Country', 'Seizures'], f.byCountry.map((c) => [c.code, c.seizures]));
  heading('Alerts of the period');
  rows(['Reference', 'Title', 'Handling', 'Circulated'], b.alerts.map((a) => [a.reference, a.title, a.handling, a.circulatedAt.slice(0, 10)]));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#8a4b00').text(`${b.reference} · ${b.handling} ${RISK_TLP[b.handling]} · ${i + 1}/${range.count}`, 50, doc.page.height - 35, { lineBreak: false });
  }
  doc.end();
  return done;
}
