import { expect, fixture, html, waitUntil as waitFor } from '../../test/support/testing.js';
import { settleDeliveries } from '../../storage/index.js';
import { patient, penicillinAllergy } from '../../test/support/resources.js';
import { closeTestStores, openTestStore } from '../../test/support/test-stores.js';
import type { EmrAllergyBanner } from './allergy-banner.js';
import './emr-allergy-banner.js';
import { PAGE_THAT_DELIVERS } from '../../test/support/delivery-source.js';

// Each allergy's delivery to the hospital record, from a real store: the
// allergies are recorded (which queues them in the outbox) and the outbox
// rows marked with what the EHR answered, as the ehr/ delivery does.

const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const noteOf = (el: EmrAllergyBanner, key: string) =>
  el.shadowRoot!.querySelector(`[data-key="${key}"] .delivery-note`);

describe('<emr-allergy-banner> delivery to the hospital record', () => {
  afterEach(closeTestStores);

  it('says where each allergy stands, in words with an icon, and follows the store', async () => {
    const store = await openTestStore();
    await store.record(patient());
    const penicillin = await store.record(penicillinAllergy('pat-1', 'alg-1'));
    const second = await store.record(penicillinAllergy('pat-1', 'alg-2'));
    await settleDeliveries(store, [
      { revisionId: second.revisionId, state: 'not-accepted', message: 'unknown code' },
    ]);
    const el = await fixture<EmrAllergyBanner>(
      html`<emr-allergy-banner
        .store=${store}
        .delivery=${PAGE_THAT_DELIVERS}
        patient-id="pat-1"
      ></emr-allergy-banner>`,
    );
    await waitUntil(() => noteOf(el, 'AllergyIntolerance/alg-2'), 'no delivery notes');
    expect(squash(noteOf(el, 'AllergyIntolerance/alg-1')?.textContent)).to.equal(
      '↑ waiting to send to the hospital record',
    );
    expect(squash(noteOf(el, 'AllergyIntolerance/alg-2')?.textContent)).to.equal(
      '✗ not accepted by the hospital record: unknown code',
    );
    await expect(el).to.be.accessible();

    await settleDeliveries(store, [
      {
        revisionId: penicillin.revisionId,
        state: 'sent',
        receipt: { id: 'alg-1', versionId: '1' },
      },
    ]);
    await waitUntil(() => !noteOf(el, 'AllergyIntolerance/alg-1'), 'the sent note stays');
    expect(noteOf(el, 'AllergyIntolerance/alg-2')).to.not.equal(null);
  });
});
