import { expect, fixture, html, oneEvent } from '../../test/support/testing.js';
import { ContextProvider } from '@lit/context';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  deliveryStatusContext,
  type DeliveryCounts,
  type DeliveryStatus,
  type DeliveryStatusSource,
} from '../../model/index.js';
import { EmrEhrLink } from './ehr-link.js';
import './emr-ehr-link.js';

/** A source a test moves by hand; like the delivery controller, it calls a new listener at once. */
class HandSource implements DeliveryStatusSource {
  status: DeliveryStatus;
  readonly listeners = new Set<(status: DeliveryStatus) => void>();

  constructor(status: DeliveryStatus) {
    this.status = status;
  }

  subscribe(listener: (status: DeliveryStatus) => void) {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  set(status: DeliveryStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

const NONE: DeliveryCounts = {
  waiting: 0,
  sent: 0,
  conflict: 0,
  'not-accepted': 0,
  refused: 0,
  'local-only': 0,
};
const counts = (some: Partial<DeliveryCounts>): DeliveryCounts => ({ ...NONE, ...some });

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const part = (el: EmrEhrLink, name: string) =>
  squash(el.shadowRoot!.querySelector(`[part="${name}"]`)?.textContent);
const liveRegion = (el: EmrEhrLink) =>
  squash(el.shadowRoot!.querySelector('[role="status"]')!.textContent);
const problemButtons = (el: EmrEhrLink) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="problem"]'),
];

async function linkOf(source: DeliveryStatusSource | undefined): Promise<EmrEhrLink> {
  return fixture<EmrEhrLink>(html`<emr-ehr-link .source=${source}></emr-ehr-link>`);
}

describe('<emr-ehr-link>', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('is defined as emr-ehr-link', () => {
    expect(customElements.get('emr-ehr-link')).to.equal(EmrEhrLink);
    expect(document.createElement('emr-ehr-link')).to.be.instanceOf(EmrEhrLink);
  });

  it('says it is not connected when it has no source, never a blank box', async () => {
    const el = await linkOf(undefined);
    expect(el.link).to.equal('none');
    expect(part(el, 'status')).to.equal('– Not connected to a hospital record');
    await expect(el).to.be.accessible();
  });

  it('shows up to date, with the sent count and nothing waiting', async () => {
    const el = await linkOf(new HandSource({ link: 'idle', counts: counts({ sent: 12 }) }));
    expect(el.link).to.equal('idle');
    expect(part(el, 'status')).to.equal('✓ Up to date with the hospital record');
    expect(part(el, 'counts')).to.equal('↑ 0 changes waiting to send ✓ 12 sent');
    expect(problemButtons(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows sending with the count waiting, in the singular for one', async () => {
    const source = new HandSource({ link: 'sending', counts: counts({ waiting: 1, sent: 2 }) });
    const el = await linkOf(source);
    expect(part(el, 'status')).to.equal('↑ Sending to the hospital record');
    expect(part(el, 'counts')).to.contain('1 change waiting to send');
    source.set({ link: 'sending', counts: counts({ waiting: 4, sent: 2 }) });
    await el.updateComplete;
    expect(part(el, 'counts')).to.contain('4 changes waiting to send');
    await expect(el).to.be.accessible();
  });

  it('shows that it cannot reach the hospital record, that the changes are kept, and why', async () => {
    const el = await linkOf(
      new HandSource({
        link: 'unreachable',
        counts: counts({ waiting: 3 }),
        problem: 'network error',
      }),
    );
    expect(part(el, 'status')).to.equal('⊘ Cannot reach the hospital record');
    expect(part(el, 'detail')).to.equal(
      'Changes are kept on this device and sent when it can be reached. (network error)',
    );
    expect(el.shadowRoot!.querySelector('[part="sign-in"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows stopped', async () => {
    const el = await linkOf(new HandSource({ link: 'stopped', counts: counts({ waiting: 2 }) }));
    expect(part(el, 'status')).to.equal('■ Stopped sending to the hospital record');
    expect(part(el, 'detail')).to.equal('Changes are kept on this device.');
    await expect(el).to.be.accessible();
  });

  it('shows the changes kept here only', async () => {
    const el = await linkOf(
      new HandSource({ link: 'idle', counts: counts({ sent: 1, 'local-only': 2 }) }),
    );
    expect(part(el, 'counts')).to.contain('⌂ 2 changes kept here only');
    await expect(el).to.be.accessible();
  });

  it('lists the problems, each count a button: the event fires once on click and on the keyboard, never on a property set', async () => {
    const source = new HandSource({
      link: 'idle',
      counts: counts({ sent: 5, conflict: 1, 'not-accepted': 2, refused: 3 }),
    });
    const el = await linkOf(source);
    const fired: string[] = [];
    el.addEventListener('emr-ehr-link-select', (event) => fired.push(event.detail.state));
    expect(problemButtons(el).map((b) => squash(b.textContent))).to.deep.equal([
      '⇄ 1 change also changed in the hospital record',
      '✗ 2 changes not accepted',
      '⊘ 3 changes refused',
    ]);
    expect(el.shadowRoot!.querySelector('[part="problems"]')!.getAttribute('aria-label')).to.equal(
      'Changes to look at',
    );

    source.set({
      ...source.status,
      counts: counts({ conflict: 1, 'not-accepted': 2, refused: 3 }),
    });
    el.source = new HandSource(source.status);
    await el.updateComplete;
    expect(fired).to.deep.equal([]);

    const heard = oneEvent(el, 'emr-ehr-link-select');
    problemButtons(el)[1]!.click();
    const event = await heard;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    expect(event.detail).to.deep.equal({ state: 'not-accepted', count: 2 });
    expect(fired).to.deep.equal(['not-accepted']);

    problemButtons(el)[2]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(fired).to.deep.equal(['not-accepted', 'refused']);
    await expect(el).to.be.accessible();
  });

  it('offers to sign in again when a sign-in is needed: the event fires once on click and on the keyboard, never on a property set', async () => {
    const source = new HandSource({
      link: 'sign-in-needed',
      counts: counts({ waiting: 2 }),
      problem: 'token expired',
    });
    let fired = 0;
    const el = await linkOf(source);
    el.addEventListener('emr-ehr-sign-in', () => fired++);
    expect(part(el, 'status')).to.equal('⚠ Sign-in needed for the hospital record');
    expect(part(el, 'detail')).to.contain('has expired').and.contain('(token expired)');
    source.set({ ...source.status });
    el.source = new HandSource(source.status);
    await el.updateComplete;
    expect(fired).to.equal(0);

    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="sign-in"]')!;
    expect(squash(button.textContent)).to.equal('Sign in again');
    const heard = oneEvent(el, 'emr-ehr-sign-in');
    button.click();
    const event = await heard;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ problem: 'token expired', waiting: 2 });
    expect(fired).to.equal(1);
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(fired).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('announces a change of link and a new problem, not the first status nor the counts, and lets go of an old source', async () => {
    const first = new HandSource({ link: 'sending', counts: counts({ waiting: 2 }) });
    const el = await linkOf(first);
    expect(liveRegion(el)).to.equal('');
    first.set({ link: 'sending', counts: counts({ waiting: 1, sent: 1 }) });
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('');
    first.set({ link: 'idle', counts: counts({ sent: 2 }) });
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('Hospital record: Up to date with the hospital record');
    first.set({ link: 'idle', counts: counts({ sent: 2, refused: 1 }) });
    await el.updateComplete;
    expect(liveRegion(el)).to.equal('Hospital record: 1 change refused');

    const second = new HandSource({ link: 'unreachable', counts: NONE });
    el.source = second;
    await el.updateComplete;
    expect(el.link).to.equal('unreachable');
    expect(liveRegion(el)).to.equal('');
    expect(first.listeners.size).to.equal(0);
    expect(second.listeners.size).to.equal(1);
    el.remove();
    expect(second.listeners.size).to.equal(0);
  });

  it('takes its source from context', async () => {
    const source = new HandSource({ link: 'sending', counts: counts({ waiting: 1 }) });
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    new ContextProvider(wrapper, { context: deliveryStatusContext, initialValue: source });
    const el = document.createElement('emr-ehr-link');
    wrapper.append(el);
    await el.updateComplete;
    expect(el.source).to.equal(source);
    expect(part(el, 'status')).to.equal('↑ Sending to the hospital record');
  });

  it('has a forced-colors block: the link state is told by a rule, a sign-in needed is marked', async () => {
    const sheets = (EmrEhrLink.styles as unknown as Array<{ cssText: string }>).flat();
    expect(
      sheets.some((sheet) => sheet.cssText.includes('@media (forced-colors: active)')),
    ).to.equal(true);
    await emulateMedia({ forcedColors: 'active' });
    const idle = await linkOf(new HandSource({ link: 'idle', counts: NONE }));
    const sending = await linkOf(new HandSource({ link: 'sending', counts: NONE }));
    const signIn = await linkOf(new HandSource({ link: 'sign-in-needed', counts: NONE }));
    const style = (el: EmrEhrLink, selector: string) =>
      getComputedStyle(el.shadowRoot!.querySelector(selector)!);
    expect(style(idle, '.status').borderLeftStyle).to.equal('solid');
    expect(style(sending, '.status').borderLeftStyle).to.equal('dashed');
    expect(parseFloat(style(sending, '.status').borderLeftWidth)).to.be.at.least(4);
    expect(style(signIn, '.words').backgroundColor).to.not.equal(
      style(signIn, '.status').backgroundColor,
    );
  });
});
