// What the main thread does during a start: one visit of a start page (kit
// or raw, warm after three visits, or cold in a fresh profile) under a
// Chromium trace; prints the time to rows, each main-thread task over
// 1.5 ms (when it began, how long, and what took its time: evaluation,
// microtasks, layout, paint, garbage collection), then the page's marks and
// requests. Where a CPU profile (profile-start.ts) says which functions run,
// this says when the thread is busy, and when it waits.
//
//   node --import tsx bench/tools/trace-start.ts [kit|raw] [warm|cold]
import { watchedVisit } from '../node/support/start-pages.js';

/** Events that only wrap a task's work. */
const WRAPPERS =
  /^(RunTask|ThreadControllerImpl::RunTask|Receive mojo|SimpleWatcher|BlinkScheduler_)/;

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string } };
}

const page = process.argv[2] === 'raw' ? 'raw' : 'kit';
const cold = process.argv[3] === 'cold';
const { tab, cdp, open, close } = await watchedVisit(page, cold);
try {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) =>
    events.push(...(value as unknown as TraceEvent[])),
  );
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'v8',
        'blink.user_timing',
        'loading',
      ],
    },
  });
  await open();
  const rowsAt = await tab.evaluate(() => window.startProbe.rowsAt);
  await cdp.send('Tracing.end');
  await complete;

  // Times from the page's navigation, as performance.now() counts them.
  const start = events.find((e) => e.name === 'navigationStart')?.ts ?? 0;
  const ms = (ts: number) => ((ts - start) / 1000).toFixed(1);
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter(
    (e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur !== undefined,
  );
  console.log(`rows at ${rowsAt?.toFixed(1)} ms`);
  const tasks = onMain
    .filter((e) => e.name === 'RunTask' && e.dur! > 1500)
    .sort((a, b) => a.ts - b.ts);
  for (const task of tasks) {
    const within = new Map<string, number>();
    for (const e of onMain)
      if (
        !WRAPPERS.test(e.name) &&
        e.pid === task.pid &&
        e.ts >= task.ts &&
        e.ts + e.dur! <= task.ts + task.dur!
      )
        within.set(e.name, (within.get(e.name) ?? 0) + e.dur!);
    const top = [...within]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, dur]) => `${name} ${(dur / 1000).toFixed(1)}`)
      .join(', ');
    console.log(
      `  ${ms(task.ts).padStart(7)} +${(task.dur! / 1000).toFixed(1).padStart(5)}  ${top}`,
    );
  }
  for (const e of events.filter(
    (e) =>
      (e.cat?.includes('blink.user_timing') && e.ph !== 'X') || e.name === 'ResourceSendRequest',
  ))
    console.log(
      `  ${ms(e.ts).padStart(7)}  ${e.name} ${e.args?.data?.url?.split('/').pop() ?? ''}`,
    );
} finally {
  await close();
}
