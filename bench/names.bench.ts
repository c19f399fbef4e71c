import { performance } from 'node:perf_hooks';
import { compareNames, evaluateByKind, loadPairs } from '../server/national/testing.ts';

/**
 * Name matching (issue 13): precision, recall and F1 of compareNames on the labelled set, per kind and
 * overall (budget F1 ≥ 0.85), the share of true pairs whose blind-index keys meet, and the throughput.
 */
export async function benchNames() {
  const pairs = loadPairs();
  const quality = evaluateByKind(pairs);
  console.log('\nName matching (labelled set server/national/names/data/pairs.csv)');
  console.log('kind          pairs  precision  recall     F1   key recall');
  for (const [kind, q] of Object.entries(quality)) {
    console.log(`${kind.padEnd(12)} ${String(q.pairs).padStart(6)}  ${q.precision.toFixed(3).padStart(9)}  ${q.recall.toFixed(3).padStart(6)}  ${q.f1.toFixed(3).padStart(5)}  ${q.keyRecall.toFixed(3).padStart(11)}`);
  }
  const f1 = quality.all.f1;
  console.log(`F1 ${f1.toFixed(3)} against the budget 0.85: ${f1 >= 0.85 ? 'met' : 'NOT MET'}`);
  for (let i = 0; i < 2000; i++) compareNames(pairs[i % pairs.length]!.kind, pairs[i % pairs.length]!.a, pairs[i % pairs.length]!.b);
  const rounds = 20;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pairs) compareNames(p.kind, p.a, p.b);
  const seconds = (performance.now() - start) / 1000;
  console.log(`compareNames throughput: ${Math.round((rounds * pairs.length) / seconds).toLocaleString('en')} pairs/s (one core)`);
}
