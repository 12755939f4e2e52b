// Registers a kit element under its tag. A portal whose parts each bundle the
// kit loads it twice, and a second `customElements.define` of a name throws,
// which would stop the part that loads second. So the first definition is
// kept, and the copy that comes second says so once, instead of throwing.

let warned = false;

export function defineElement(name: string, element: CustomElementConstructor): void {
  const defined = customElements.get(name);
  if (!defined) {
    customElements.define(name, element);
  } else if (defined !== element && !warned) {
    warned = true;
    console.warn(
      `emr-kit: another copy of the kit already defined <${name}> and its other elements; this page keeps using that copy's. Load the kit once, so that every part of the page runs the same version.`,
    );
  }
}
