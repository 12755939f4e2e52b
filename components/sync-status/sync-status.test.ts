import { expect, fixture, html, oneEvent } from '../../test/support/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { syncStatusContext, type SyncState, type SyncStatusSource } from '../../model/index.js';
import { EmrSyncStatus } from './sync-status.js';
import './emr-sync-status.js';

/** A source a test moves by hand. */
class HandSource implements SyncStatusSource {
  state: SyncState;
  readonly listeners = new Set<(state: SyncState) => void>();
  constructor(state: SyncState) {
    this.state = state;
  }
  subscribe(listener: (state: SyncState) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(state: SyncState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

const ADA = { id: 'u-ada', name: 'Dr Ada Okafor', color: '#0b5cad' };
const BO = { id: 'u-bo', name: 'Bo Lindqvist RN', color: '#b42318' };
const synced: SyncState = { status: 'synced', waiting: 0, peers: [] };

const text = (el: EmrSyncStatus) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const statusLine = (el: EmrSyncStatus) =>
  el.shadowRoot!.querySelector('[part="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
const liveRegion = (el: EmrSyncStatus) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

async function statusOf(source: SyncStatusSource | undefined): Promise<EmrSyncStatus> {
  return fixture<EmrSyncStatus>(html`<emr-sync-status .source=${source}></emr-sync-status>`);
}

describe('<emr-sync-status>', () => {
  it('is defined as emr-sync-status', () => {
    expect(customElements.get('emr-sync-status')).to.equal(EmrSyncStatus);
    expect(document.createElement('emr-sync-status')).to.be.instanceOf(EmrSyncStatus);
  });

  it('says the chart is not shared when it has no source, never a blank box', async () => {
    const el = await statusOf(undefined);
    expect(el.status).to.equal('none');
    expect(statusLine(el)).to.equal('– Not shared');
    await expect(el).to.be.accessible();
  });

  it('shows offline with the changes waiting and that they are kept on the device', async () => {
    const el = await statusOf(new HandSource({ status: 'offline', waiting: 3, peers: [] }));
    expect(el.status).to.equal('offline');
    expect(statusLine(el)).to.equal('⊘ Offline 3 changes waiting');
    expect(text(el)).to.contain('Saved on this device');
    await expect(el).to.be.accessible();
  });

  it('shows connecting', async () => {
    const el = await statusOf(new HandSource({ status: 'connecting', waiting: 0, peers: [] }));
    expect(statusLine(el)).to.equal('↻ Connecting…');
    await expect(el).to.be.accessible();
  });

  it('shows the changes waiting while they go out, in the singular for one', async () => {
    const source = new HandSource({ status: 'waiting', waiting: 1, peers: [] });
    const el = await statusOf(source);
    expect(statusLine(el)).to.equal('↑ Sending changes 1 change waiting');
    source.set({ status: 'waiting', waiting: 4, peers: [] });
    await el.updateComplete;
    expect(statusLine(el)).to.equal('↑ Sending changes 4 changes waiting');
    await expect(el).to.be.accessible();
  });

  it('shows synced, with who else is here, each with their colour', async () => {
    const el = await statusOf(new HandSource({ status: 'synced', waiting: 0, peers: [ADA, BO] }));
    expect(statusLine(el)).to.equal('✓ Synced');
    const peers = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="peer"]')];
    expect(peers.map((p) => p.textContent!.trim())).to.deep.equal([
      'Dr Ada Okafor',
      'Bo Lindqvist RN',
    ]);
    expect(peers.map((p) => p.dataset.userId)).to.deep.equal(['u-ada', 'u-bo']);
    expect(getComputedStyle(peers[1]!.querySelector('.dot')!).backgroundColor).to.equal(
      'rgb(180, 35, 24)',
    );
    expect(
      el.shadowRoot!.querySelector('[part="peers"]')!.getAttribute('aria-labelledby'),
    ).to.equal('peers-label');
    await expect(el).to.be.accessible();
  });

  for (const [reason, words] of [
    ['forbidden', 'may not share this patient'],
    ['rejected', 'refused a change from this device'],
  ] as const) {
    it(`shows a refusal (${reason}) with its reason and no sign-in button`, async () => {
      const el = await statusOf(
        new HandSource({
          status: 'refused',
          waiting: 2,
          peers: [],
          refusal: { reason, message: 'x' },
        }),
      );
      expect(el.status).to.equal('refused');
      expect(statusLine(el)).to.equal('⚠ Sync refused 2 changes waiting');
      expect(text(el)).to.contain(words).and.contain('Saved on this device');
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('offers to sign in again after an unauthenticated refusal: the event fires once on click and on the keyboard, never on a property set', async () => {
    const source = new HandSource({
      status: 'refused',
      waiting: 0,
      peers: [],
      refusal: { reason: 'unauthenticated', message: 'token expired' },
    });
    let fired = 0;
    const el = await statusOf(source);
    el.addEventListener('emr-sync-sign-in', () => fired++);
    expect(text(el)).to.contain('has expired or is not valid');
    source.set({ ...source.state });
    el.source = new HandSource(source.state);
    await el.updateComplete;
    expect(fired).to.equal(0);

    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in"]')!;
    expect(button.textContent!.trim()).to.equal('Sign in again');
    const heard = oneEvent(el, 'emr-sync-sign-in');
    button.click();
    const event = await heard;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      reason: 'unauthenticated',
      message: 'token expired',
      waiting: 0,
    });
    expect(fired).to.equal(1);

    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(fired).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('follows its source, announces changes of status (not the first render, not the count) and lets go of an old source', async () => {
    const first = new HandSource({ status: 'connecting', waiting: 0, peers: [] });
    const el = await statusOf(first);
    expect(liveRegion(el)).to.equal('');
    first.set({ status: 'waiting', waiting: 2, peers: [] });
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('Chart sync: Sending changes');
    first.set(synced);
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('Chart sync: Synced');

    const second = new HandSource({ status: 'offline', waiting: 0, peers: [] });
    el.source = second;
    await el.updateComplete;
    expect(el.status).to.equal('offline');
    expect(first.listeners.size).to.equal(0);
    expect(second.listeners.size).to.equal(1);
    el.remove();
    expect(second.listeners.size).to.equal(0);
  });

  it('takes its source from context', async () => {
    const source = new HandSource({ status: 'synced', waiting: 0, peers: [BO] });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrapper, { context: syncStatusContext, initialValue: source });
    const el = document.createElement('emr-sync-status');
    wrapper.append(el);
    await el.updateComplete;
    expect(el.source).to.equal(source);
    expect(statusLine(el)).to.equal('✓ Synced');
    expect(text(el)).to.contain('Also here: Bo Lindqvist RN');
  });
});
