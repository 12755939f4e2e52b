import { expect } from '../../support/testing.js';
import { AfterFirstValues } from '../../../storage/after-first-values.js';

// What both stores fetch right after a chart's first rows (the store, the
// write side) waits for every first value and a painted frame, and runs once.

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AfterFirstValues', () => {
  it('runs once every query subscribed has its first value and a frame has been painted', async () => {
    let runs = 0;
    const gate = new AfterFirstValues(() => runs++, 60_000);
    const first = gate.awaitFirstValue();
    const second = gate.awaitFirstValue();
    first();
    first(); // a second call for the same query counts once
    await frame();
    await frame();
    expect(runs).to.equal(0);
    second();
    expect(runs, 'not before a frame is painted').to.equal(0);
    await frame();
    await frame();
    expect(runs).to.equal(1);
    gate.awaitFirstValue()();
    await frame();
    await frame();
    expect(runs, 'once only').to.equal(1);
  });

  it('waits for a query subscribed by what the first values rendered', async () => {
    let runs = 0;
    const gate = new AfterFirstValues(() => runs++, 60_000);
    gate.awaitFirstValue()();
    const rendered = gate.awaitFirstValue(); // subscribed before the frame
    await frame();
    await frame();
    expect(runs).to.equal(0);
    rendered();
    await frame();
    await frame();
    expect(runs).to.equal(1);
  });

  it('runs at the latest bound when no frame comes in time', async () => {
    let runs = 0;
    const gate = new AfterFirstValues(() => runs++, 20);
    gate.awaitFirstValue()();
    const late = gate.awaitFirstValue(); // never answers
    await later(80);
    expect(runs, 'bounded even while a query has not answered').to.equal(1);
    late();
    await frame();
    await frame();
    expect(runs).to.equal(1);
  });
});
