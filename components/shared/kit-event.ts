/**
 * The one shape of every public event of the kit: what the event says is in
 * its typed `detail`, so a host reads every kit event the same way. Bubbling
 * and composed, so that a host hears it through any shadow roots the
 * element sits in. Each subclass has a static `eventName` and an entry in
 * `GlobalEventHandlersEventMap`.
 */
export class KitDetailEvent<D> extends Event {
  readonly detail: D;

  constructor(name: string, detail: D, options: { cancelable?: boolean } = {}) {
    super(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = detail;
  }
}
