import { ContextProvider } from '@lit/context';
import { deliverChanges, type DeliveryController, type SmartSession } from '../ehr/index.js';
import { deliveryStatusContext, type DeliveryStatusSource } from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';
import { HOSPITAL_TAKES } from './smart-app.js';

// Giving the portal's changes back to the hospital EHR while the page holds
// a SMART session: the kit's delivery (ehr/) drains the store's outbox with
// the session as its authorisation; its status reaches the medication list
// and the allergy banner (per-record delivery notes) through
// deliveryStatusContext, and <emr-ehr-link> beside <emr-sync-status>.
// Without a session there is neither: no link, no delivery, no notes.

/** No delivery: the elements then say nothing of the hospital record (the context's type has no "none"). */
const NO_DELIVERY = undefined as unknown as DeliveryStatusSource;

export class EhrDelivery {
  readonly #provider: ContextProvider<typeof deliveryStatusContext>;
  readonly #beside: Element;
  #store: DexieChartStore | undefined;
  #controller: DeliveryController | undefined;
  #link: HTMLElement | undefined;

  /**
   * `scope` holds every element that shows the delivery (create it before
   * the kit's elements are defined: they ask when they connect); the link
   * goes right after `beside`.
   */
  constructor(scope: HTMLElement, beside: Element) {
    this.#provider = new ContextProvider(scope, { context: deliveryStatusContext });
    this.#beside = beside;
  }

  /**
   * Gives the store's changes back with this session. On the store already
   * delivering, the session is a new sign-in: the delivery goes on with it.
   */
  start(store: DexieChartStore, session: SmartSession): void {
    if (this.#controller && this.#store === store) return this.#controller.signedIn(session);
    this.stop();
    this.#store = store;
    this.#controller = deliverChanges(store, {
      fhirBaseUrl: session.context.fhirBaseUrl,
      auth: session,
      allow: HOSPITAL_TAKES,
      // A colleague's change the EHR has not answered for in ten minutes is sent from here too.
      takeOverAfterMs: 10 * 60_000,
    });
    this.#provider.setValue(this.#controller);
    this.#link ??= document.createElement('emr-ehr-link');
    this.#link.className = 'ehr-link';
    this.#beside.after(this.#link);
  }

  /** Stops giving changes back (another patient, user or session); what waits stays in the outbox. */
  stop(): void {
    this.#controller?.stop();
    this.#controller = undefined;
    this.#store = undefined;
    this.#provider.setValue(NO_DELIVERY);
    this.#link?.remove();
  }
}
