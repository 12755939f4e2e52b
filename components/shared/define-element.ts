// Registers a kit element under its tag. A portal whose parts each bundle the
// kit loads it twice, and a second `customElements.define` of a name throws,
// which would stop the part that loads second. So the first definition is
// kept, and a different one is reported once, not thrown.

export function defineElement(name: string, element: CustomElementConstructor): void {
  const defined = customElements.get(name);
  if (!defined) {
    customElements.define(name, element);
  } else if (defined !== element) {
    console.warn(`emr-kit: <${name}> is already defined by another copy of the kit, which this page keeps using. Load the kit once, so that every part of the page runs the same version.`);
  }
}
