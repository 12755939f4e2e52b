import { expect, fixture, html, oneEvent } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { withCardOrigin, type Card } from '../../model/index.js';
import { EmrCdsCards } from './cds-cards.js';
import './emr-cds-cards.js';

const reasons = [
  {
    system: 'https://cds.hospital.test/reasons',
    code: 'benefit',
    display: 'Benefit outweighs risk',
  },
  { system: 'https://cds.hospital.test/reasons', code: 'tolerated', display: 'Tolerated before' },
];

const critical: Card = {
  uuid: 'c-1',
  summary: 'Penicillin allergy: amoxicillin is a penicillin',
  detail: 'Recorded reaction: **anaphylaxis**.\n\n- Choose another class\n- Or give a reason',
  indicator: 'critical',
  source: { label: 'Drug–allergy check', url: 'https://www.nlm.nih.gov/research/umls/rxnorm/' },
  overrideReasons: reasons,
};
const warning: Card = withCardOrigin(
  {
    uuid: 'w-1',
    summary: 'Renal dosing: check creatinine clearance',
    indicator: 'warning',
    source: { label: 'Hospital renal rules' },
    selectionBehavior: 'at-most-one',
    suggestions: [{ label: 'Halve the dose', uuid: 's-1', isRecommended: true }],
    links: [
      { label: 'Renal dosing guide', url: 'https://guide.hospital.test/renal', type: 'absolute' },
      { label: 'Dosing calculator', url: 'https://apps.hospital.test/launch', type: 'smart' },
    ],
  },
  {
    serviceId: 'renal',
    title: 'Renal dosing',
    endpoint: 'https://cds.hospital.test/cds-services/renal',
  },
);
const info: Card = {
  summary: 'Take with food',
  indicator: 'info',
  source: { label: 'Counselling points' },
};

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const root = (el: EmrCdsCards) => el.shadowRoot!;
const text = (el: EmrCdsCards, selector: string) =>
  squash(root(el).querySelector(selector)?.textContent);
const cardsOf = (el: EmrCdsCards) => [...root(el).querySelectorAll<HTMLElement>('[part="card"]')];

async function cardsElement(cards?: Card[], notes: string[] = [], pending = false) {
  return fixture<EmrCdsCards>(
    html`<emr-cds-cards .cards=${cards} .notes=${notes} ?pending=${pending}></emr-cds-cards>`,
  );
}

describe('<emr-cds-cards>', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('is defined as emr-cds-cards, and says "not checked yet" until cards are given', async () => {
    expect(customElements.get('emr-cds-cards')).to.equal(EmrCdsCards);
    const el = await cardsElement();
    expect(text(el, '[part="empty"]')).to.equal('– Not checked yet.');
    expect(el.unresolvedCritical).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('names its region "Decision support", or by its label, so two on a page are told apart', async () => {
    const el = await cardsElement([]);
    const region = () => root(el).querySelector('section.cards')!;
    expect(region().getAttribute('aria-label')).to.equal('Decision support');
    el.label = 'Medication safety review of the chart';
    await el.updateComplete;
    expect(region().getAttribute('aria-label')).to.equal('Medication safety review of the chart');
  });

  it('says "Checking…" politely while pending, then announces the answer', async () => {
    const el = await cardsElement(undefined, [], true);
    expect(text(el, '[role="status"]')).to.equal('Checking…');
    expect(root(el).querySelector('[part="empty"]')).to.equal(null);
    await expect(el).to.be.accessible();
    el.cards = [critical];
    el.pending = false;
    await el.updateComplete;
    expect(text(el, '[role="status"]')).to.equal('Checked: 1 alert: 1 critical');
  });

  it('tells "no alerts" from checks that could not all run: the notes are shown as status lines', async () => {
    const clear = await cardsElement([]);
    expect(text(clear, '[part="empty"]')).to.equal(
      '✓ No alerts: the checks found nothing to warn about.',
    );
    const note =
      "The hospital's CDS service “Renal dosing” did not answer within 3 s: its alerts are not shown.";
    const unclear = await cardsElement([], [note]);
    expect(text(unclear, '[part="empty"]')).to.equal(
      '– No alerts from the checks that ran. Read the notes below.',
    );
    expect(text(unclear, '[part="notes"]')).to.equal(`ⓘ ${note}`);
    await expect(unclear).to.be.accessible();
  });

  it('groups cards critical, warning, info with a count, each urgency in words and an icon, and a long summary whole', async () => {
    const long = { ...info, summary: `${'Counsel the patient on this medicine. '.repeat(6)}End.` };
    const el = await cardsElement([long, warning, critical]);
    expect(long.summary.length).to.be.greaterThan(140);
    expect(text(el, '[part="count"]')).to.equal('3 alerts: 1 critical, 1 warning, 1 information');
    expect(cardsOf(el).map((c) => c.dataset.indicator)).to.deep.equal([
      'critical',
      'warning',
      'info',
    ]);
    expect([...root(el).querySelectorAll('h3')].map((h) => squash(h.textContent))).to.deep.equal([
      'Critical (1)',
      'Warning (1)',
      'Information (1)',
    ]);
    expect(
      cardsOf(el).map((c) => squash(c.querySelector('[part="indicator"]')!.textContent)),
    ).to.deep.equal(['✖ Critical', '⚠ Warning', 'ⓘ Information']);
    expect(squash(cardsOf(el)[2]!.querySelector('[part="summary"]')!.textContent)).to.equal(
      long.summary,
    );
    await expect(el).to.be.accessible();
  });

  it('renders a safe part of markdown and shows markup from a service as text', async () => {
    const hostile: Card = {
      ...info,
      detail:
        'Hello <script>window.hacked = true</script> and <img src=x onerror="window.hacked = true">\n\n' +
        '*careful*, see [the guide](https://guide.hospital.test/) or [this](javascript:alert(1))\n\n1. one\n2. two',
    };
    const el = await cardsElement([hostile, critical]);
    const detail = cardsOf(el)[1]!.querySelector('[part="detail"]')!;
    expect(detail.querySelector('script, img')).to.equal(null);
    expect(detail.textContent).to.contain('<script>window.hacked = true</script>');
    expect(detail.textContent).to.contain('<img src=x onerror="window.hacked = true">');
    expect((window as { hacked?: boolean }).hacked).to.equal(undefined);
    expect(detail.querySelector('em')!.textContent).to.equal('careful');
    const links = [...detail.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://guide.hospital.test/',
    ]);
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(detail.textContent).to.contain('this');
    expect(detail.querySelectorAll('ol li')).to.have.length(2);
    const criticalDetail = cardsOf(el)[0]!.querySelector('[part="detail"]')!;
    expect(criticalDetail.querySelector('strong')!.textContent).to.equal('anaphylaxis');
    expect(criticalDetail.querySelectorAll('ul li')).to.have.length(2);
  });

  it('links the source, says which hospital service a card came from, opens links in a new tab and announces a SMART link', async () => {
    const el = await cardsElement([critical, warning]);
    const [first, second] = cardsOf(el);
    const source = first!.querySelector<HTMLAnchorElement>('[part="source"] a')!;
    expect(source.href).to.equal('https://www.nlm.nih.gov/research/umls/rxnorm/');
    expect(source.target).to.equal('_blank');
    expect(source.rel).to.equal('noopener noreferrer');
    expect(squash(second!.querySelector('[part="source"]')!.textContent)).to.equal(
      'Source: Hospital renal rules · from the hospital service “Renal dosing”',
    );
    const absolute = second!.querySelector<HTMLAnchorElement>('[part="links"] a')!;
    expect([absolute.href, absolute.target, absolute.rel]).to.deep.equal([
      'https://guide.hospital.test/renal',
      '_blank',
      'noopener noreferrer',
    ]);
    const smart = second!.querySelector<HTMLButtonElement>('[part="links"] button')!;
    expect(squash(smart.textContent)).to.equal('Open app: Dosing calculator');
    const heard = oneEvent(el, 'emr-cds-link');
    smart.click();
    const event = await heard;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.link.type).to.equal('smart');
    expect(event.detail.card).to.equal(warning);
  });

  it('asks for a reason before a critical card is overridden, by keyboard, and fires the override once with reason and comment', async () => {
    const el = await cardsElement([critical]);
    let fired = 0;
    el.addEventListener('emr-cds-override', () => fired++);
    el.cards = [{ ...critical }];
    await el.updateComplete;
    expect(fired).to.equal(0);
    expect(el.unresolvedCritical.map((c) => c.uuid)).to.deep.equal(['c-1']);

    const card = cardsOf(el)[0]!;
    const button = card.querySelector<HTMLButtonElement>('[part="override"]')!;
    expect(squash(button.textContent)).to.equal('Override');
    button.click();
    await el.updateComplete;
    expect(fired).to.equal(0);
    expect(squash(card.querySelector('[role="alert"]')!.textContent)).to.equal(
      'Choose a reason before overriding this alert.',
    );
    const radios = [...card.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(radios[0]);
    expect(card.querySelector('legend')!.textContent).to.equal('Reason for going ahead (required)');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    expect(radios[1]!.checked).to.equal(true);
    card.querySelector('textarea')!.focus();
    await sendKeys({ type: 'Took it last year' });
    const heard = oneEvent(el, 'emr-cds-override');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const event = await heard;
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({
      card: el.cards![0],
      reason: reasons[1],
      comment: 'Took it last year',
    });
    expect(fired).to.equal(1);
    await el.updateComplete;
    expect(el.unresolvedCritical).to.deep.equal([]);
    expect(text(el, '[part="resolution"]')).to.equal(
      '✓ Overridden: Tolerated before Comment: Took it last year',
    );
    expect(root(el).querySelector('[part="override-form"]')).to.equal(null);

    // The same finding in a fresh answer keeps its override; a new one asks again.
    el.cards = [{ ...critical }, { ...critical, uuid: 'c-2', summary: 'Another' }];
    await el.updateComplete;
    expect(el.unresolvedCritical.map((c) => c.uuid)).to.deep.equal(['c-2']);
  });

  it('leaves the card unresolved when the host cancels the override', async () => {
    const el = await cardsElement([{ ...critical, overrideReasons: undefined }]);
    el.addEventListener('emr-cds-override', (event) => event.preventDefault());
    const card = cardsOf(el)[0]!;
    // No reasons from the card: the kit's own (HL7 v3 ActCode).
    const labels = [...card.querySelectorAll('.reason')].map((l) => squash(l.textContent));
    expect(labels[0]).to.equal('Assessed the patient: the therapy is appropriate');
    card.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    card.querySelector<HTMLButtonElement>('[part="override"]')!.click();
    await el.updateComplete;
    expect(el.unresolvedCritical).to.have.length(1);
    expect(root(el).querySelector('[part="override-form"]')).to.not.equal(null);
  });

  it('acknowledges a warning without a reason as "Therapy Appropriate", never a reason not chosen', async () => {
    const el = await cardsElement([warning]);
    const card = cardsOf(el)[0]!;
    expect(card.querySelector('legend')!.textContent).to.equal('Reason (optional)');
    const heard = oneEvent(el, 'emr-cds-override');
    const button = card.querySelector<HTMLButtonElement>('[part="override"]')!;
    expect(squash(button.textContent)).to.equal('Acknowledge');
    button.click();
    const event = await heard;
    expect(event.detail.reason).to.deep.equal({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: '1',
      display: 'Therapy Appropriate',
    });
    expect(event.detail.comment).to.equal(undefined);
    await el.updateComplete;
    expect(text(el, '[part="resolution"]')).to.contain('Acknowledged:');
  });

  it('fires the suggestion event once, shows it accepted, and not when the host cancels', async () => {
    const el = await cardsElement([warning]);
    const button = () => root(el).querySelector<HTMLButtonElement>('[part="suggestion"]')!;
    expect(squash(button().textContent)).to.equal('Halve the dose (recommended)');
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('emr-cds-suggestion', cancel);
    button().click();
    await el.updateComplete;
    expect(button().disabled).to.equal(false);
    el.removeEventListener('emr-cds-suggestion', cancel);

    const heard = oneEvent(el, 'emr-cds-suggestion');
    button().focus();
    await sendKeys({ press: 'Enter' });
    const event = await heard;
    expect(event.detail).to.deep.equal({ card: warning, suggestion: warning.suggestions![0] });
    await el.updateComplete;
    expect(button().disabled).to.equal(true);
    expect(text(el, '.accepted')).to.equal('✓ Accepted');
  });

  it('only displays when read-only: no override form and no suggestion buttons', async () => {
    const el = await fixture<EmrCdsCards>(
      html`<emr-cds-cards readonly .cards=${[critical, warning]}></emr-cds-cards>`,
    );
    expect(
      root(el).querySelector('[part="override-form"], [part="suggestion"], form, input'),
    ).to.equal(null);
    expect(text(el, '[part="suggestions"]')).to.equal('Halve the dose (recommended)');
    expect(el.unresolvedCritical).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('has a forced-colors block: urgency told by the rule style, critical marked', async () => {
    const sheets = (EmrCdsCards.styles as unknown as Array<{ cssText: string }>).flat();
    expect(sheets.some((s) => s.cssText.includes('@media (forced-colors: active)'))).to.equal(true);
    await emulateMedia({ forcedColors: 'active' });
    const el = await cardsElement([critical, warning, info]);
    const [c, w, i] = cardsOf(el).map((card) => getComputedStyle(card));
    expect(c!.borderLeftStyle).to.equal('solid');
    expect(w!.borderLeftStyle).to.equal('dashed');
    expect(i!.borderLeftStyle).to.equal('dotted');
    expect(parseFloat(c!.borderLeftWidth)).to.be.greaterThan(parseFloat(w!.borderLeftWidth));
  });
});
