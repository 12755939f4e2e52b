import { expect, fixture, html, waitUntil } from '../../support/testing.js';
import type { ChartStore } from '../../../model/index.js';
import { PENDING_GRACE_MS } from '../../../components/shared/pending-grace.js';
import { importingStore, overriding, pendingStore } from '../../support/stand-in-stores.js';
import { bannerMessages } from '../../../components/allergy-banner/allergy-banner.messages.js';
import { medicationListMessages } from '../../../components/medication-list/medication-list.messages.js';
import { vitalsGridMessages } from '../../../components/vitals-grid/vitals-grid.messages.js';
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';

// A first screen over a store that answers first from the device
// (`firstAnswersSoon`, startChartStore's) paints its rows in its first frame,
// not a pending state replaced a moment later; when the answers are late,
// the pending state shows once the grace is over, as it does at once over
// any other store.

const ELEMENTS = [
  { tag: 'emr-allergy-banner', pending: bannerMessages.pending },
  { tag: 'emr-medication-list', pending: medicationListMessages.pending },
  { tag: 'emr-vitals-grid', pending: vitalsGridMessages.pending },
] as const;

const textOf = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

async function mount(tag: string, store: ChartStore): Promise<HTMLElement> {
  const el = document.createElement(tag) as HTMLElement & { store: ChartStore; patientId: string };
  el.patientId = 'pat-1';
  el.store = store;
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  return el;
}

/** Every text the element's shadow root showed, from now on. */
function textsShown(el: HTMLElement): string[] {
  const shown = [textOf(el)];
  new MutationObserver(() => shown.push(textOf(el))).observe(el.shadowRoot!, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  return shown;
}

describe('pending state of a first screen', () => {
  for (const { tag, pending } of ELEMENTS) {
    describe(tag, () => {
      it('says it is pending at once over a store that does not answer first from the device', async () => {
        const el = await mount(tag, pendingStore());
        expect(textOf(el)).to.contain(pending);
      });

      it('paints no pending state before first answers from the device', async () => {
        const store = overriding(importingStore(), { firstAnswersSoon: true });
        const el = await mount(tag, store);
        const shown = textsShown(el);
        await waitUntil(() => textOf(el) !== '', 'the first answer was shown');
        await new Promise((resolve) => setTimeout(resolve, PENDING_GRACE_MS + 50));
        expect(shown.filter((text) => text.includes(pending))).to.deep.equal([]);
        // The answer: the chart is being loaded onto the device.
        expect(textOf(el)).to.match(/load/i);
      });

      it('says it is pending once the grace is over when the first answers are late', async () => {
        const store = overriding(pendingStore(), { firstAnswersSoon: true });
        const started = performance.now();
        const el = await mount(tag, store);
        expect(textOf(el)).to.not.contain(pending);
        await waitUntil(() => textOf(el).includes(pending), 'the pending state came', {
          timeout: PENDING_GRACE_MS * 10,
        });
        expect(performance.now() - started).to.be.at.least(PENDING_GRACE_MS - 5);
      });
    });
  }
});
