// The kit's start page of this tree and of another, side by side: each
// tree's start pages built and served on their own, and visits made in
// turn, with this tree's raw-IndexedDB page beside them. Later visits
// (`warm`): a browser profile each, three visits first, as warm-start.ts
// does; first visits (`cold`): a fresh profile for every visit, as
// cold-start.ts does. Prints the median time to rows of each. One process
// and visits in turn, so that the machine's load weighs on all alike.
//
//   git worktree add /tmp/old-tree <rev> && ln -s "$PWD/node_modules" /tmp/old-tree/
//   node --import tsx bench/tools/start-ab.ts /tmp/old-tree [warm|cold] [visits, default 15]
import { summarise } from '../harness/index.js';
import { launchProfile, startPages, visit, type StartPages } from '../node/support/start-pages.js';

const other = process.argv[2];
if (!other) throw new Error('usage: start-ab.ts <other tree> [warm|cold] [visits]');
const cold = process.argv[3] === 'cold';
const visits = Number(process.argv[4] ?? 15);

interface Subject {
  name: string;
  pages: StartPages;
  page: 'kit' | 'raw';
  times: number[];
}

const here = await startPages();
const there = await startPages({ tree: other });
const subjects: Subject[] = [
  { name: 'this tree, kit', pages: here, page: 'kit', times: [] },
  { name: `${other}, kit`, pages: there, page: 'kit', times: [] },
  { name: 'this tree, raw', pages: here, page: 'raw', times: [] },
];
const profiles = cold ? [] : await Promise.all(subjects.map(() => launchProfile()));
try {
  const once = async (subject: Subject, index: number, first: boolean) => {
    if (!cold)
      return visit(profiles[index]!.context, subject.pages, subject.page, { import: first });
    const profile = await launchProfile();
    try {
      return await visit(profile.context, subject.pages, subject.page, { import: true });
    } finally {
      await profile.close();
    }
  };
  // Warm: the import, then two visits to let Chromium cache the code. Cold: one untimed visit each.
  for (const [index, subject] of subjects.entries())
    for (let i = 0; i < (cold ? 1 : 3); i++) await once(subject, index, i === 0);
  for (let round = 0; round < visits; round++) {
    const order = [...subjects.entries()];
    if (round % 2) order.reverse();
    for (const [index, subject] of order)
      subject.times.push((await once(subject, index, false)).rowsAt);
  }
  const raw = summarise(subjects[2]!.times).median;
  for (const { name, times } of subjects) {
    const ms = summarise(times).median;
    console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / raw).toFixed(2)}×`);
  }
} finally {
  await Promise.all(profiles.map((profile) => profile.close()));
  await here.close();
  await there.close();
}
