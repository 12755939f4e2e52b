// Typing into a long clinical note: the time of one keystroke, from
// dispatching a real ProseMirror transaction through the view to the view
// updated, with the note editor's Yjs binding on and every Y update going to
// the local log (ChartDocuments, IndexedDB). The note holds 10,000 words
// (500 paragraphs of 20). Each round types KEYS characters in the middle of
// the note; between keystrokes the save of the last one is awaited off the
// clock, as a person types far slower than a save takes.
//
// Baseline: the same keystrokes into a plain ProseMirror editor holding the
// same document, with the same schema and keys but no Yjs binding and no
// saving. The ratio is what collaboration and local saving add per key.
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import * as Y from 'yjs';
import { notePlugins } from '../../components/note-editor/note-plugins.js';
import { noteSchema } from '../../components/note-editor/note-schema.js';
import { openChartStore } from '../../storage/index.js';
import { summarise, toResult, type BenchResult } from '../harness/index.js';
import { budget } from '../harness/phased.js';
import { BENCH_USER, benchDatabaseName, deleteDatabase } from './support/stores.js';

const PARAGRAPHS = 500;
const WORDS_PER_PARAGRAPH = 20;
const KEYS = 200;
const ROUNDS = 7;
const FRAME_MS = 16;

const WORDS = [
  'patient',
  'reports',
  'mild',
  'dyspnoea',
  'on',
  'exertion',
  'no',
  'chest',
  'pain',
  'afebrile',
  'observations',
  'stable',
  'plan',
  'continue',
  'diuretic',
  'review',
  'renal',
  'function',
  'in',
  'morning',
];
const paragraphText = (i: number) =>
  WORDS.map((w, j) => (j === 0 ? `${w}${i}` : w))
    .slice(0, WORDS_PER_PARAGRAPH)
    .join(' ');

interface Typist {
  view: EditorView;
  /** Untimed: waits until the last keystroke is saved. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

function mount(state: EditorState): EditorView {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const place = document.createElement('div');
  root.append(place);
  return new EditorView(place, { state });
}

/** The note editor's setup: a note session from the store, bound through y-prosemirror. */
async function boundTypist(): Promise<Typist> {
  const name = benchDatabaseName('note');
  const store = await openChartStore({ databaseName: name, user: BENCH_USER });
  const session = await store.openNote('bench-patient', 'bench-note');
  const fragment = session.text as Y.XmlFragment;
  fragment.doc!.transact(() => {
    fragment.insert(
      0,
      Array.from({ length: PARAGRAPHS }, (_, i) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(paragraphText(i))]);
        return paragraph;
      }),
    );
  });
  await session.whenSaved();
  const view = mount(
    EditorState.create({ schema: noteSchema, plugins: notePlugins(fragment, undefined) }),
  );
  if (view.state.doc.childCount !== PARAGRAPHS)
    throw new Error(
      `the bound note has ${view.state.doc.childCount} paragraphs, not ${PARAGRAPHS}`,
    );
  return {
    view,
    settle: () => session.whenSaved(),
    async close() {
      view.destroy();
      session.release();
      await store.close();
      await deleteDatabase(name);
    },
  };
}

/** A plain ProseMirror editor with the same document and keys: no Yjs, no saving. */
function plainTypist(): Typist {
  const doc = noteSchema.node(
    'doc',
    null,
    Array.from({ length: PARAGRAPHS }, (_, i) =>
      noteSchema.node('paragraph', null, [noteSchema.text(paragraphText(i))]),
    ),
  );
  const view = mount(
    EditorState.create({ schema: noteSchema, doc, plugins: [keymap(baseKeymap)] }),
  );
  return { view, settle: async () => {}, close: async () => view.destroy() };
}

/** KEYS keystrokes at the end of the middle paragraph; ms per keystroke. */
async function typeRound(typist: Typist): Promise<number[]> {
  const { view } = typist;
  const middle = view.state.doc.child(PARAGRAPHS / 2);
  let offset = 0;
  for (let i = 0; i < PARAGRAPHS / 2; i++) offset += view.state.doc.child(i).nodeSize;
  const at = offset + middle.nodeSize - 1;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let k = 0; k < KEYS; k++) {
    const start = performance.now();
    view.dispatch(view.state.tr.insertText(k % 7 === 6 ? ' ' : 'x'));
    times.push(performance.now() - start);
    await typist.settle();
  }
  return times;
}

export default async function noteTyping(): Promise<BenchResult[]> {
  const bound = await boundTypist();
  const plain = plainTypist();
  const subject: number[][] = [];
  const baseline: number[][] = [];
  try {
    await typeRound(plain);
    await typeRound(bound);
    for (let r = 0; r < ROUNDS; r++) {
      if (r % 2 === 0) {
        baseline.push(await typeRound(plain));
        subject.push(await typeRound(bound));
      } else {
        subject.push(await typeRound(bound));
        baseline.push(await typeRound(plain));
      }
    }
    const typed =
      bound.view.state.doc.child(PARAGRAPHS / 2).textContent.length -
      paragraphText(PARAGRAPHS / 2).length;
    if (typed !== KEYS * (ROUNDS + 1))
      throw new Error(
        `typed ${typed} characters into the bound note, expected ${KEYS * (ROUNDS + 1)}`,
      );
  } finally {
    await bound.close();
    await plain.close();
  }
  const per = (rounds: number[][], q: 'median' | 'p95') =>
    rounds.map((times) => summarise(times)[q]);
  const all = (rounds: number[][]) => summarise(rounds.flat());
  const s = all(subject);
  const b = all(baseline);
  const notes = {
    words: PARAGRAPHS * WORDS_PER_PARAGRAPH,
    keysPerRound: KEYS,
    rounds: ROUNDS,
    'bound p50 / p95 / max (all keys), ms': `${s.median.toFixed(3)} / ${s.p95.toFixed(3)} / ${s.max.toFixed(3)}`,
    'plain p50 / p95 / max (all keys), ms': `${b.median.toFixed(3)} / ${b.p95.toFixed(3)} / ${b.max.toFixed(3)}`,
  };
  return [
    toResult({
      name: 'note-typing.p50',
      unit: 'ms',
      subject: per(subject, 'median'),
      baseline: per(baseline, 'median'),
      notes,
    }),
    // The budget row: baseline is one 60 Hz frame, not a measurement.
    toResult({
      name: 'note-typing.p95',
      unit: 'ms',
      subject: per(subject, 'p95'),
      baseline: budget(FRAME_MS, ROUNDS),
      target: { max: 1 },
      notes,
    }),
    toResult({
      name: 'note-typing.p95-vs-plain',
      unit: 'ms',
      subject: per(subject, 'p95'),
      baseline: per(baseline, 'p95'),
      notes,
    }),
  ];
}
