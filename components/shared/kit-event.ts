/**
 * A public event of the kit that carries a `detail`: bubbling and composed,
 * so that a host hears it through any shadow roots the element sits in.
 */
export class KitDetailEvent<D> extends Event {
  readonly detail: D;

  constructor(name: string, detail: D, options: { cancelable?: boolean } = {}) {
    super(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = detail;
  }
}
