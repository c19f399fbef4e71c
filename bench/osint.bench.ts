import { evaluate, labelledItems, type Scores } from '../server/osint/testing.ts';
import { geotag, identifyLanguage } from '../server/osint/index.ts';

/**
 * IRIS understanding (issue 16): country-set micro F1, precision and recall, focus-country accuracy and
 * language accuracy (EN/FR items of 50 characters or more) on the labelled set, its development part (the rules
 * were tuned on it) and its test part apart; then the throughput of language identification plus geotagging.
 */
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (name: string, s: Scores) =>
  console.log(
    `  ${name.padEnd(5)} ${String(s.items).padStart(3)} items  F1 ${s.f1.toFixed(3)} (goal ≥ 0.82)  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  focus ${pct(s.focusAccuracy)} (goal ≥ 90 %)  language ${pct(s.languageAccuracy)} of ${s.languageItems} (goal ≥ 97 %)`,
  );

export async function benchOsint() {
  const items = labelledItems();
  console.log(`\n[osint] geotagging and language identification, ${items.length} labelled EN/FR news items`);
  const t0 = performance.now();
  geotag({ title: 'warm-up', text: '' });
  console.log(`  gazetteer loaded in ${Math.round(performance.now() - t0)} ms`);
  const dev = evaluate(items.filter((i) => i.split === 'dev'));
  const test = evaluate(items.filter((i) => i.split === 'test'));
  line('dev', dev);
  line('test', test);
  for (const e of test.errors) console.log(`    test miss ${e.id}: expected ${e.expected.join(',')} focus ${e.focus}; got ${e.got.join(',') || '-'} focus ${e.gotFocus ?? '-'}`);

  // Throughput: each item's language, then its geotags, as the collection pipeline will do it.
  const rounds = Number(process.env.OPENCEN_BENCH_OSINT_ROUNDS ?? 30);
  const start = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const item of items) {
      const language = identifyLanguage(`${item.title}. ${item.text}`).language;
      geotag({ title: item.title, text: item.text, language: language === 'und' ? undefined : language });
    }
  const seconds = (performance.now() - start) / 1000;
  console.log(`  throughput ${Math.round((rounds * items.length) / seconds).toLocaleString('en')} items/s (language + geotags, one core; goal ≥ 200)`);
}
