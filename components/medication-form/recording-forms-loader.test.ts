import { expect, waitUntil } from '../../test/support/testing.js';
import { loadRecordingForms, loadRecordingFormsAfterPaint } from './recording-forms-loader.js';

// Loaded after the chart has painted, the forms are on the device before
// the network goes: later calls load nothing more.

describe('loadRecordingForms', () => {
  it('defines both forms after the next paint, once', async () => {
    loadRecordingFormsAfterPaint();
    await waitUntil(
      () => customElements.get('emr-allergy-form') && customElements.get('emr-medication-form'),
      'both forms defined after paint',
    );
    const first = loadRecordingForms();
    expect(loadRecordingForms()).to.equal(first);
    await first;
  });
});
