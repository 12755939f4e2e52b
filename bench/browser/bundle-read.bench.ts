// Reading Synthea bundles into the kit's model, against the floor of reading
// them at all: JSON.parse of the same text. readBundle parses too, so the
// ratio is what modelling and validation cost on top of parsing.
import { readBundle } from '../../model/bundle-reader.js';
import {
  loadFixtureSet,
  measurePair,
  perSecond,
  toResult,
  type BenchResult,
} from '../harness/index.js';

const SET = 'synthea';

export default async function bundleRead(): Promise<BenchResult[]> {
  // Fetched once, outside the timing.
  const files = [...(await loadFixtureSet(SET))];
  const texts = files.map(([, text]) => text);
  const bytes = texts.reduce((n, t) => n + t.length, 0);

  // Every timed read is checked, so a broken reader cannot report a figure.
  let resources = 0;
  const readAll = () => {
    let count = 0;
    for (let i = 0; i < texts.length; i++) {
      const result = readBundle(texts[i]!);
      if (!result.ok || result.errors.length > 0) {
        throw new Error(
          `readBundle(${files[i]![0]}): ok=${result.ok}, ${result.errors.length} errors; ` +
            `first: ${JSON.stringify(result.errors[0])}`,
        );
      }
      count += result.resources.length;
    }
    resources = count;
    return count;
  };
  const parseAll = () => texts.map((t) => JSON.parse(t) as unknown);

  const { subject, baseline } = await measurePair(readAll, parseAll, { repeat: 21, warmup: 3 });
  const notes = { files: files.length, chars: bytes, resources };

  return [
    toResult({
      name: 'bundle-read.time',
      unit: 'ms',
      subject,
      baseline,
      target: { max: 3 },
      notes,
    }),
    // Baseline: the resources per second if reading were JSON.parse alone.
    toResult({
      name: 'bundle-read.throughput',
      unit: 'resources/s',
      subject: perSecond(resources, subject),
      baseline: perSecond(resources, baseline),
      target: { min: 0.333 },
      notes,
    }),
  ];
}
