// The panel that logs every event the kit fires out of its elements, newest
// first. The kit's events are typed in GlobalEventHandlersEventMap; the list
// below must name each of them (the type-check fails when one is missing).

type KitEventName = Extract<keyof GlobalEventHandlersEventMap, `emr-${string}`>;
/** Every kit event says what it says in its `detail`. */
type KitEvent = GlobalEventHandlersEventMap[KitEventName];

/** Every public event of the kit, with the element that fires it. */
const KIT_EVENTS = {
  'emr-allergy-select': 'emr-allergy-banner',
  'emr-allergy-conflict-select': 'emr-allergy-banner',
  'emr-medication-dose-change': 'emr-medication-list',
  'emr-medication-discontinue': 'emr-medication-list',
  'emr-medication-conflict-resolve': 'emr-medication-list',
  'emr-medication-record': 'emr-medication-form',
  'emr-allergy-record': 'emr-allergy-form',
  'emr-vitals-record': 'emr-vitals-grid',
  'emr-vitals-submit': 'emr-vitals-grid',
  'emr-timeline-select': 'emr-chart-timeline',
  'emr-note-select': 'emr-note-list',
  'emr-note-sign': 'emr-note-editor',
  'emr-note-edit-refuse': 'emr-note-editor',
  'emr-note-addendum': 'emr-note-editor',
  'emr-sync-sign-in': 'emr-sync-status',
  'emr-ehr-link-select': 'emr-ehr-link',
  'emr-ehr-sign-in': 'emr-ehr-link',
  'emr-problem-record': 'emr-problem-list',
  'emr-problem-resolve': 'emr-problem-list',
  'emr-problem-conflict-resolve': 'emr-problem-list',
  'emr-cds-override': 'emr-cds-cards',
  'emr-cds-suggestion': 'emr-cds-cards',
  'emr-cds-link': 'emr-cds-cards',
  'emr-lab-result-select': 'emr-lab-results',
} as const satisfies Record<KitEventName, `emr-${string}`>;

const MAX_ENTRIES = 100;
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export class EventLog {
  readonly #list: HTMLOListElement;
  readonly #empty: HTMLElement;

  /** Listens on `root` (the document) for every kit event; `empty` is shown while nothing is logged. */
  constructor(root: Document, list: HTMLOListElement, empty: HTMLElement) {
    this.#list = list;
    this.#empty = empty;
    for (const name of Object.keys(KIT_EVENTS) as KitEventName[]) {
      root.addEventListener(name, (event) => this.#log(event));
    }
  }

  clear(): void {
    this.#list.replaceChildren();
    this.#empty.hidden = false;
  }

  #log(event: KitEvent): void {
    const item = document.createElement('li');
    const line = document.createElement('p');
    line.className = 'event-line';
    const source = event.composedPath()[0];
    const tag =
      source instanceof Element ? source.localName : KIT_EVENTS[event.type as KitEventName];
    line.append(
      text('code', 'event-name', event.type),
      text('span', 'event-source', `from <${tag}>`),
      text('time', '', timeFormat.format(new Date())),
    );
    if (event.cancelable) line.append(text('span', 'event-flag', 'cancelable'));
    const details = document.createElement('details');
    const detail = text('pre', '', JSON.stringify(event.detail, null, 2) ?? 'none');
    // It scrolls when long: reachable by keyboard.
    detail.tabIndex = 0;
    detail.setAttribute('aria-label', `Detail of ${event.type}`);
    details.append(text('summary', '', 'Detail'), detail);
    // The newest entry shows its detail; older ones fold away.
    details.open = true;
    for (const older of this.#list.querySelectorAll('details[open]')) older.removeAttribute('open');
    item.append(line, details);
    this.#list.prepend(item);
    while (this.#list.children.length > MAX_ENTRIES) this.#list.lastElementChild!.remove();
    this.#empty.hidden = true;
  }
}

function text<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  content: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = content;
  return element;
}
