import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { AREAS, type ResultView } from './diagnostics-view.ts';
import type { QuestionnaireText } from './questionnaire/index.ts';

// The result of a diagnostic as a PDF (A4), made by pdfkit with DejaVu Sans embedded as the bulletins are.
// pdfkit lays out text left to right without bidirectional reordering, so Urdu and Dari reports are printed
// in English (the page in the browser stays in the reader's language).

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const RTL_PDF_FALLBACK = new Set(['ur', 'fa-AF']);

export function diagnosticPdf(res: ResultView, text: QuestionnaireText): Promise<Buffer> {
  const a = res.assessment;
  const r = text.report;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `${r.title} — ${a.orgName}`, Author: a.orgName, Subject: a.title }, bufferPages: true });
  doc.registerFont('body', join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const level = (l: string | null) => (l ? text.levels[l as keyof typeof text.levels].name : r.notAssessed);
  const pct = (s: number | null) => (s == null ? '–' : `${Math.round(s * 100)} %`);
  const heading = (t: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(t).moveDown(0.3).font('body').fontSize(10);

  doc.font('bold').fontSize(18).text(r.title);
  doc.font('body').fontSize(10).text(`${r.administration}: ${a.orgName}${a.country ? ` (${a.country})` : ''}`);
  doc.text(`${a.title} · ${a.status === 'completed' ? `${r.completed} ${a.completedAt?.slice(0, 10)}` : r.draft} · ${r.version} ${a.version}`);

  heading(r.overall);
  doc.font('bold').fontSize(14).text(`${level(res.score.overall.level)} · ${r.score} ${pct(res.score.overall.score)}`).font('body').fontSize(10);
  const desc = res.score.overall.level ? text.levels[res.score.overall.level].description : '';
  if (desc) doc.text(desc);
  if (res.score.selfRating) doc.text(`${r.selfRating}: ${level(res.score.selfRating)}`);
  for (const g of res.score.overall.cappedBy) doc.text(`• ${g.questionId}: ${g.reason}`);

  heading(r.byArea);
  // One bar per area, its length the score, with the level beside it (and the previous level, when there is one).
  const x0 = doc.x;
  for (const area of AREAS) {
    const s = res.score.areas[area];
    const y = doc.y;
    doc.fontSize(9).text(text.areas[area], x0, y, { width: 170 });
    doc.rect(x0 + 175, y + 1, 150, 8).fill('#e4e9ef');
    if (s.score != null) doc.rect(x0 + 175, y + 1, 150 * s.score, 8).fill('#1f5f99');
    const before = res.previous ? ` (${r.previous}: ${level(res.previous.score.areas[area].level)})` : '';
    doc.fillColor('black').text(`${level(s.level)}${before}`, x0 + 335, y, { width: 180 });
    doc.x = x0;
    doc.moveDown(0.4);
  }
  if (res.previous) doc.moveDown(0.3).fontSize(10).text(`${r.previous} (${res.previous.assessment.completedAt?.slice(0, 10)}): ${level(res.previous.score.overall.level)} · ${pct(res.previous.score.overall.score)}`);

  heading(r.actionPlan);
  if (!res.actions.length) doc.text(r.noActions);
  for (const act of res.actions) {
    const q = text.questions[act.questionId];
    doc.font('bold').text(`${act.questionId} · ${text.areas[act.area]}`).font('body');
    doc.text(`${r.gap}: ${q.weaknesses}`);
    doc.text(`${r.solution}: ${q.solution}`);
    doc.fillColor('#444').text(`${r.owner}: ${act.owner || '–'} · ${r.dueDate}: ${act.dueDate ?? '–'} · ${r.status}: ${r.actionStatuses[act.status]}`).fillColor('black').moveDown(0.4);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#555').text(`${a.orgName} · ${r.title} · ${i + 1}/${range.count}`, 50, doc.page.height - 35, { lineBreak: false });
  }
  doc.end();
  return done;
}
