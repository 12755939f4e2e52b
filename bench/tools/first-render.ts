// Where the script time of a later visit's first renders goes: the kit's
// start page in a browser profile warmed by three visits, visited again and
// again with `?measure` (update-timing.ts); prints the medians of the time
// to rows and of the script time in each element's updates before the rows
// (the pending state, then the rows). Compare two trees by running it on
// each, one after the other, on a quiet machine.
//
//   node --import tsx bench/tools/first-render.ts [visits, default 15]
import { launchProfile, openAndWait, startPages, visit } from '../node/support/start-pages.js';

const visits = Number(process.argv[2] ?? 15);
const TAGS = ['emr-allergy-banner', 'emr-medication-list', 'emr-vitals-grid', 'emr-vitals-trend'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const pages = await startPages();
const profile = await launchProfile();
try {
  for (let i = 0; i < 3; i++) await visit(profile.context, pages, 'kit', { import: i === 0 });
  const samples: Array<Record<string, number>> = [];
  for (let i = 0; i < visits; i++) {
    const tab = await profile.context.newPage();
    try {
      await openAndWait(tab, `${pages.origin}/kit.html?${pages.query}&measure`);
      samples.push(
        await tab.evaluate(() => {
          const rows = window.startProbe.rowsAt ?? NaN;
          const sample: Record<string, number> = { rows, updates: 0 };
          for (const m of performance.getEntriesByType('measure')) {
            if (!m.name.startsWith('update ') || m.startTime >= rows) continue;
            sample[m.name] = (sample[m.name] ?? 0) + m.duration;
            sample.updates! += m.duration;
          }
          return sample;
        }),
      );
    } finally {
      await tab.close();
    }
  }
  const of = (name: string) => median(samples.map((s) => s[name] ?? 0)).toFixed(1);
  console.log(`rows at ${of('rows')} ms; updates before them ${of('updates')} ms:`);
  for (const tag of TAGS) console.log(`  ${tag.padEnd(20)} ${of(`update ${tag}`).padStart(5)} ms`);
} finally {
  await profile.close();
  await pages.close();
}
