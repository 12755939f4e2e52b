import { expect, fixture, html, waitUntil } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { chartStoreContext, coreDocumentName, type ChartStore } from '../../model/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { failingStore, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  allergy,
  longNamedAllergies,
  mixedAllergies,
  noKnownAllergy,
} from '../../test/support/charts/allergies.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  sendDocument,
} from '../../test/support/test-stores.js';
import { patient, penicillinAllergy } from '../../test/support/resources.js';
import { EmrAllergyBanner } from './allergy-banner.js';
import type {
  EmrAllergyConflictSelectEvent,
  EmrAllergySelectEvent,
} from './allergy-banner.events.js';
import './emr-allergy-banner.js';

const root = (el: EmrAllergyBanner) => el.shadowRoot!;
const text = (el: EmrAllergyBanner) => root(el).textContent!.replace(/\s+/g, ' ').trim();
const $ = <E extends Element = HTMLElement>(el: EmrAllergyBanner, selector: string) =>
  root(el).querySelector<E & Element>(selector)!;
const names = (el: EmrAllergyBanner) =>
  [...root(el).querySelectorAll('.entries .name')].map((n) => n.textContent!.trim());
const liveRegion = (el: EmrAllergyBanner) => $(el, '[role="status"]').textContent!.trim();

async function chartWith(...allergies: ReturnType<typeof allergy>[]): Promise<DexieChartStore> {
  const store = await openTestStore();
  await store.record(patient());
  for (const resource of allergies) await store.record(resource);
  return store;
}

async function banner(
  store: ChartStore | undefined,
  options: { layout?: string; patientId?: string } = {},
): Promise<EmrAllergyBanner> {
  return fixture<EmrAllergyBanner>(html`
    <emr-allergy-banner
      .store=${store}
      patient-id=${options.patientId ?? 'pat-1'}
      layout=${options.layout ?? 'expanded'}
    ></emr-allergy-banner>
  `);
}

const settled = (el: EmrAllergyBanner) =>
  waitUntil(() => el.state !== 'pending', 'the banner stayed pending');

/** Two devices revise the same allergy at once, then sync both ways. */
async function concurrentRevisions(
  first: Parameters<DexieChartStore['record']>[0],
  change: (
    ada: DexieChartStore,
    bo: DexieChartStore,
    from: string,
  ) => Promise<Array<{ revisionId: string }>>,
): Promise<{ store: DexieChartStore; heads: string[] }> {
  const ada = await openTestStore(undefined, DR_ADA);
  const bo = await openTestStore(undefined, NURSE_BO);
  await ada.record(patient());
  const original = await ada.record(first);
  await sendDocument(ada, bo, coreDocumentName('pat-1'));
  const heads = await change(ada, bo, original.revisionId);
  await sendDocument(ada, bo, coreDocumentName('pat-1'));
  await sendDocument(bo, ada, coreDocumentName('pat-1'));
  return { store: ada, heads: heads.map((h) => h.revisionId) };
}

describe('<emr-allergy-banner>', () => {
  afterEach(closeTestStores);

  it('is defined as emr-allergy-banner', () => {
    expect(customElements.get('emr-allergy-banner')).to.equal(EmrAllergyBanner);
    expect(document.createElement('emr-allergy-banner')).to.be.instanceOf(EmrAllergyBanner);
  });

  it('maps its attributes to properties and reflects layout and open', async () => {
    const el = await banner(pendingStore(), { patientId: 'pat-9', layout: 'compact' });
    expect(el.patientId).to.equal('pat-9');
    expect(el.layout).to.equal('compact');
    expect(el.open).to.equal(false);
    el.setAttribute('patient-id', 'pat-2');
    el.layout = 'expanded';
    el.open = true;
    await el.updateComplete;
    expect(el.patientId).to.equal('pat-2');
    expect(el.getAttribute('layout')).to.equal('expanded');
    expect(el.hasAttribute('open')).to.equal(true);
  });

  it('takes the store from context', async () => {
    const store = await chartWith(penicillinAllergy());
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrapper, { context: chartStoreContext, initialValue: store });
    const el = document.createElement('emr-allergy-banner');
    el.setAttribute('patient-id', 'pat-1');
    wrapper.append(el);
    await settled(el);
    expect(el.store).to.equal(store);
    expect(names(el)).to.deep.equal(['Penicillin']);
  });

  it('shows pending, never a blank box, while the store has not answered', async () => {
    const el = await banner(pendingStore());
    expect(el.state).to.equal('pending');
    expect(text(el)).to.equal('… Checking allergies…');
    await expect(el).to.be.accessible();
  });

  it('lists known allergies most dangerous first, with category, reactions and unconfirmed, leaving out refuted and entered-in-error', async () => {
    const el = await banner(await chartWith(...mixedAllergies('pat-1')));
    await settled(el);
    expect(el.state).to.equal('known');
    expect($(el, '.state').textContent).to.equal('Known allergies (4)');
    expect(names(el)).to.deep.equal(['Penicillin', 'Peanut', 'Equine antitoxin', 'Latex']);
    const items = [...root(el).querySelectorAll('.entries > li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).to.equal(
      'Penicillin ⚠High criticality Medication Severe reaction Reactions: Anaphylaxis and Urticaria',
    );
    expect(items[2]).to.contain('Criticality unable to assess').and.contain('Biologic');
    expect(items[3])
      .to.contain('Low criticality')
      .and.contain('Unconfirmed')
      .and.contain('Environment');
    expect(text(el)).not.to.contain('Codeine').and.not.to.contain('Aspirin');
    await expect(el).to.be.accessible();
  });

  it('says "No known allergies" for a recorded assertion (SNOMED 716186003)', async () => {
    const el = await banner(await chartWith(noKnownAllergy('pat-1')));
    await settled(el);
    expect(el.state).to.equal('no-known-allergies');
    expect(text(el)).to.equal('✓ No known allergies');
    await expect(el).to.be.accessible();
  });

  it('shows an unconfirmed "No known allergies" as unconfirmed: its own words, icon and class, never the confirmed tick', async () => {
    const el = await banner(
      await chartWith(
        allergy('pat-1', 'nka', {
          name: 'No known allergy',
          snomed: '716186003',
          verification: 'unconfirmed',
        }),
      ),
    );
    await settled(el);
    expect(el.state).to.equal('no-known-allergies');
    expect(text(el)).to.equal('? No known allergies — unconfirmed');
    expect($(el, '.banner').classList.contains('unconfirmed')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('never lets a "no known allergies" assertion hide an allergy: it flags the contradiction, and shows a scoped one beside the list', async () => {
    const contradicted = await banner(
      await chartWith(noKnownAllergy('pat-1'), penicillinAllergy()),
    );
    await settled(contradicted);
    expect(contradicted.state).to.equal('known');
    expect($(contradicted, '.summary').textContent).to.contain(
      'is also recorded: check and correct the record',
    );
    const scoped = await banner(
      await chartWith(
        allergy('pat-1', 'nkda', { name: 'No known drug allergy', snomed: '409137002' }),
        allergy('pat-1', 'peanut', { name: 'Peanut', category: ['food'] }),
      ),
    );
    await settled(scoped);
    expect(names(scoped)).to.deep.equal(['Peanut']);
    expect($(scoped, '.also').textContent).to.equal('Also recorded: No known drug allergies');
  });

  it('says "Allergies not recorded", never "None", when the chart holds no allergy data', async () => {
    const el = await banner(
      await chartWith(allergy('pat-1', 'codeine', { name: 'Codeine', verification: 'refuted' })),
    );
    await settled(el);
    expect(el.state).to.equal('not-recorded');
    expect(text(el)).to.equal('? Allergies not recorded');
    expect(text(el)).not.to.match(/none/i);
    await expect(el).to.be.accessible();
  });

  it('says "Allergies unavailable" with the reason when the store fails', async () => {
    const el = await banner(failingStore('unavailable', 'offline'));
    await settled(el);
    expect(el.state).to.equal('unavailable');
    expect(text(el))
      .to.contain('Allergies unavailable')
      .and.contain('chart storage cannot be read')
      .and.contain('another source');
    el.store = failingStore('quota-exceeded', 'full');
    await waitUntil(() => text(el).includes('out of storage space'));
    await expect(el).to.be.accessible();
  });

  it('says "Allergies unavailable", not "not recorded", when the patient\'s chart is not on this device or no store is given', async () => {
    const el = await banner(await openTestStore(), { patientId: 'never-synced' });
    await settled(el);
    expect(el.state).to.equal('unavailable');
    expect(text(el)).to.contain('not on this device yet');
    el.store = undefined;
    await el.updateComplete;
    expect(el.state).to.equal('unavailable');
    expect(text(el)).to.contain('No chart is connected');
  });

  it('compact: one line with the count and the most dangerous allergy; a disclosure shows the rest', async () => {
    const el = await banner(await chartWith(...mixedAllergies('pat-1')), { layout: 'compact' });
    await settled(el);
    expect($(el, '.summary').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Known allergies (4) Penicillin ⚠High criticality and 3 more',
    );
    const body = $(el, '#details');
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]');
    expect(body.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal('details');
    toggle.click();
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(body.hidden).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(names(el)).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('keeps severity and an unconfirmed "no known allergies" distinguishable in forced colours (Windows high contrast)', async () => {
    const mixed = await banner(await chartWith(...mixedAllergies('pat-1')), { layout: 'expanded' });
    const confirmed = await banner(await chartWith(noKnownAllergy('pat-1')));
    const unconfirmed = await banner(
      await chartWith(
        allergy('pat-1', 'nka', {
          name: 'No known allergy',
          snomed: '716186003',
          verification: 'unconfirmed',
        }),
      ),
    );
    await Promise.all([mixed, confirmed, unconfirmed].map(settled));
    const style = (el: EmrAllergyBanner, selector: string) => getComputedStyle($(el, selector));
    /** What survives forced colours: system colours and border and outline styles. */
    const look = (el: EmrAllergyBanner, selector: string) => {
      const s = style(el, selector);
      return [
        s.backgroundColor,
        s.color,
        s.outlineStyle,
        s.borderInlineStartStyle,
        s.borderInlineStartColor,
      ].join(' ');
    };
    try {
      await emulateMedia({ forcedColors: 'active' });
      await waitUntil(
        () => matchMedia('(forced-colors: active)').matches,
        'forced colours not applied',
      );
      expect(style(unconfirmed, '.banner').borderInlineStartStyle).to.equal('dashed');
      expect(style(confirmed, '.banner').borderInlineStartStyle).to.equal('solid');
      expect(look(mixed, '.badge.high')).not.to.equal(look(mixed, '.badge.low'));
      const severities = ['.severity.severe', '.severity.moderate', '.severity.mild'].map((s) =>
        look(mixed, s),
      );
      expect(new Set(severities).size, severities.join(' | ')).to.equal(3);
      await expect(mixed).to.be.accessible();
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('prints every allergy, even compact and closed, and no control', async () => {
    const el = await banner(await chartWith(...mixedAllergies('pat-1')), { layout: 'compact' });
    await settled(el);
    const shown = (selector: string) =>
      [...root(el).querySelectorAll<HTMLElement>(selector)].filter((node) =>
        node.checkVisibility(),
      );
    expect(shown('.entries .name')).to.have.length(0);
    try {
      await emulateMedia({ media: 'print' });
      await waitUntil(() => matchMedia('print').matches, 'print media not applied');
      expect(names(el)).to.have.length(4);
      expect(shown('.entries .name').map((n) => n.textContent!.trim())).to.deep.equal(names(el));
      expect(shown('[part="toggle"]')).to.have.length(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(shown('.entries .name')).to.have.length(0);
  });

  it('compact: the disclosure works from the keyboard', async () => {
    const el = await banner(await chartWith(...mixedAllergies('pat-1')), { layout: 'compact' });
    await settled(el);
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect($(el, '#details').hidden).to.equal(true);
  });

  it('fires emr-allergy-select once when a clinician activates an allergy (click or keyboard), never on a property set', async () => {
    const el = await banner(await chartWith(penicillinAllergy()));
    await settled(el);
    const heard: EmrAllergySelectEvent[] = [];
    el.parentElement!.addEventListener('emr-allergy-select', (e) => heard.push(e));
    el.layout = 'compact';
    el.open = true;
    el.patientId = 'pat-1';
    await el.updateComplete;
    expect(heard).to.have.length(0);
    $<HTMLButtonElement>(el, '.entries .name').click();
    expect(heard).to.have.length(1);
    expect(heard[0]!.detail).to.deep.equal({ key: 'AllergyIntolerance/alg-1', id: 'alg-1' });
    expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
    $<HTMLButtonElement>(el, '.top .name').focus();
    await sendKeys({ press: 'Enter' });
    expect(heard).to.have.length(2);
  });

  it('styles an allergy name as the button it is (a quiet one), not as a link', async () => {
    const el = await banner(await chartWith(penicillinAllergy()));
    await settled(el);
    const name = $<HTMLButtonElement>(el, '.entries .name');
    const style = getComputedStyle(name);
    expect(name.localName).to.equal('button');
    expect(name.classList.contains('quiet')).to.equal(true);
    expect(style.textDecorationLine).to.equal('none');
    // The text colour, not a link's blue.
    expect(style.color).to.equal(getComputedStyle($(el, '.state')).color);
    expect(style.cursor).to.equal('pointer');
    name.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Shift+Tab' });
    expect(root(el).activeElement).to.equal(name);
    expect(getComputedStyle(name).outlineStyle).to.equal('solid');
  });

  it('shows both values of a conflict with who and when, and fires emr-allergy-conflict-select with the head revisions', async () => {
    const { store, heads } = await concurrentRevisions(penicillinAllergy(), (ada, bo, from) =>
      Promise.all([
        ada.revise(penicillinAllergy(), from),
        bo.revise({ ...penicillinAllergy(), criticality: 'low' }, from),
      ]),
    );
    const el = await banner(store);
    await waitUntil(() => root(el).querySelector('[part="conflict"]'), 'no conflict shown');
    const conflict = $(el, '[part="conflict"]').textContent!.replace(/\s+/g, ' ');
    expect(conflict).to.match(
      /criticality high \(Dr Ada Okafor, [^)]+\) \/ low \(Bo Lindqvist RN, [^)]+\)|criticality low \(Bo Lindqvist RN, [^)]+\) \/ high \(Dr Ada Okafor, [^)]+\)/,
    );
    expect($(el, '.summary').textContent).to.contain('Conflicting records');
    // The most cautious reading places it: listed with high criticality.
    expect($(el, '.entries > li').textContent).to.contain('High criticality');
    await expect(el).to.be.accessible();

    const heard: EmrAllergyConflictSelectEvent[] = [];
    el.addEventListener('emr-allergy-conflict-select', (e) => heard.push(e));
    $<HTMLButtonElement>(el, '.review').click();
    expect(heard).to.have.length(1);
    expect(heard[0]!.detail.key).to.equal('AllergyIntolerance/alg-1');
    expect(heard[0]!.detail.id).to.equal('alg-1');
    expect([...heard[0]!.detail.heads].sort()).to.deep.equal([...heads].sort());
  });

  it('keeps an allergy listed when one head marks it entered in error, and shows the disputed status', async () => {
    const { store } = await concurrentRevisions(penicillinAllergy(), (ada, bo, from) =>
      Promise.all([
        ada.revise({ ...penicillinAllergy(), note: [{ text: 'seen in clinic' }] }, from),
        bo.enterInError('AllergyIntolerance/alg-1', from, 'wrong patient'),
      ]),
    );
    const el = await banner(store, { layout: 'compact' });
    await waitUntil(() => el.state === 'known' && text(el).includes('Conflicting records'));
    expect($(el, '.summary').textContent).to.contain('Penicillin');
    // The heads in the order they were made: these two were made at once, in either order.
    const conflict = $(el, '[part="conflict"]').textContent!.replace(/\s+/g, ' ');
    expect(conflict).to.match(
      /status (current allergy \([^)]*\) \/ entered in error|entered in error \([^)]*\) \/ current allergy) \(/,
    );
    expect(conflict).to.not.contain('unconfirmed');
  });

  it('shows a disputed "no known allergies" record in conflict rather than trusting either head', async () => {
    const { store } = await concurrentRevisions(noKnownAllergy('pat-1'), (ada, bo, from) =>
      Promise.all([
        ada.revise({ ...noKnownAllergy('pat-1'), note: [{ text: 'asked again' }] }, from),
        bo.revise(
          allergy('pat-1', 'nka', {
            name: 'No known allergy',
            snomed: '716186003',
            verification: 'refuted',
          }),
          from,
        ),
      ]),
    );
    const el = await banner(store);
    await waitUntil(() => text(el).includes('Other allergy records in conflict'));
    expect(el.state).to.equal('not-recorded');
    expect(text(el)).to.contain('no known allergy, not current');
    // One head refutes it: the row must not read as a confirmed "none".
    expect($(el, '.others-title + .entries .line').textContent!.trim()).to.equal(
      'No known allergies — unconfirmed',
    );
    await expect(el).to.be.accessible();
  });

  it('says "unconfirmed" in a conflict row for a "no known allergies" record that is unconfirmed, and not for a confirmed one', async () => {
    const nka = (verification: 'confirmed' | 'unconfirmed', note: string) => ({
      ...allergy('pat-1', 'nka', { name: 'No known allergy', snomed: '716186003', verification }),
      note: [{ text: note }],
    });
    const rowOf = async (verification: 'confirmed' | 'unconfirmed') => {
      const { store } = await concurrentRevisions(nka(verification, 'first'), (ada, bo, from) =>
        Promise.all([
          ada.revise(nka(verification, 'asked again'), from),
          bo.revise(nka(verification, 'asked the family'), from),
        ]),
      );
      const el = await banner(store);
      await waitUntil(
        () => text(el).includes('Other allergy records in conflict'),
        'no conflict row',
      );
      return { el, row: $(el, '.others-title + .entries .line').textContent!.trim() };
    };
    const unconfirmed = await rowOf('unconfirmed');
    expect(unconfirmed.row).to.equal('No known allergies — unconfirmed');
    await expect(unconfirmed.el).to.be.accessible();
    expect((await rowOf('confirmed')).row).to.equal('No known allergies');
  });

  it('announces, politely, an allergy that arrives after the first render, and nothing on the first render', async () => {
    const store = await chartWith(penicillinAllergy());
    const el = await banner(store, { layout: 'compact' });
    await settled(el);
    expect(root(el).querySelector('[role="status"]')).not.to.equal(null);
    expect(liveRegion(el)).to.equal('');
    await store.record(
      allergy('pat-1', 'peanut', { name: 'Peanut', category: ['food'], criticality: 'high' }),
    );
    await waitUntil(() => liveRegion(el) !== '', 'nothing announced');
    expect(liveRegion(el)).to.equal('New allergy recorded: Peanut (high criticality)');
    expect($(el, '.summary').textContent).to.contain('and 1 more');

    // Another patient's allergies are a first render again: not news.
    await store.record(penicillinAllergy('pat-2', 'alg-9'));
    await store.record(patient('pat-2'));
    el.patientId = 'pat-2';
    await waitUntil(() => el.state === 'known' && text(el).includes('Known allergies (1)'));
    expect(liveRegion(el)).to.equal('');
  });

  it('wraps long allergy names at a narrow width instead of truncating them, in both layouts', async () => {
    const store = await chartWith(...longNamedAllergies('pat-1'));
    for (const layout of ['compact', 'expanded']) {
      const column = await fixture<HTMLDivElement>(
        html`<div style="width: 140px">
          <emr-allergy-banner
            .store=${store}
            patient-id="pat-1"
            layout=${layout}
            open
          ></emr-allergy-banner>
        </div>`,
      );
      const el = column.querySelector('emr-allergy-banner')!;
      await settled(el);
      const limit = column.getBoundingClientRect().right + 0.5;
      for (const name of root(el).querySelectorAll<HTMLElement>('.name')) {
        const box = name.getBoundingClientRect();
        expect(box.width, name.textContent!).to.be.greaterThan(0);
        expect(box.right, name.textContent!).to.be.at.most(limit);
        expect(name.scrollWidth, name.textContent!).to.be.at.most(name.clientWidth + 1);
        expect(box.height, 'wrapped onto more lines').to.be.greaterThan(30);
      }
      const bannerBox = $(el, '[part="banner"]');
      expect(bannerBox.scrollWidth).to.be.at.most(bannerBox.clientWidth + 1);
      expect(text(el)).to.contain('Trichloroethylene-containing industrial degreasing solvents');
      await expect(el).to.be.accessible();
    }
  });

  it('takes its colours from --emr-allergy-banner-* properties, falling back to the clinical tokens', async () => {
    const store = await chartWith(penicillinAllergy());
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--emr-color-severity-high: rgb(1, 2, 3)">
        <emr-allergy-banner .store=${store} patient-id="pat-1"></emr-allergy-banner>
        <emr-allergy-banner
          .store=${store}
          patient-id="pat-1"
          style="--emr-allergy-banner-high-color: rgb(4, 5, 6); --emr-allergy-banner-known-color: rgb(7, 8, 9)"
        ></emr-allergy-banner>
      </div>
    `);
    const [clinical, themed] = [...wrapper.querySelectorAll('emr-allergy-banner')];
    await settled(clinical!);
    await settled(themed!);
    expect(getComputedStyle($(clinical!, '.badge.high')).color).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle($(clinical!, '[part="banner"]')).borderInlineStartColor).to.equal(
      'rgb(1, 2, 3)',
    );
    expect(getComputedStyle($(themed!, '.badge.high')).color).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle($(themed!, '[part="banner"]')).borderInlineStartColor).to.equal(
      'rgb(7, 8, 9)',
    );
  });
});
