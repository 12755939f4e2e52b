import type { LitElement } from 'lit';

export interface Rerendered {
  /** DOM changes in the element's shadow root. */
  mutations: number;
  /** Events of the given types the element fired. */
  events: string[];
  /** An update was scheduled by the renders themselves (render or an update hook wrote reactive state). */
  pending: boolean;
}

/**
 * Renders an element again `times` times with nothing changed, and says
 * what those renders did: a pure render changes no DOM, fires no event and
 * schedules no further update.
 */
export async function rerender(
  el: LitElement,
  eventTypes: readonly string[],
  times = 3,
): Promise<Rerendered> {
  await el.updateComplete;
  const events: string[] = [];
  const record = (event: Event) => events.push(event.type);
  for (const type of eventTypes) el.addEventListener(type, record);
  const observer = new MutationObserver(() => {});
  observer.observe(el.shadowRoot!, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  let pending = false;
  for (let i = 0; i < times; i++) {
    el.requestUpdate();
    // false: the update scheduled another.
    pending ||= !(await el.updateComplete);
  }
  const mutations = observer.takeRecords().length;
  observer.disconnect();
  for (const type of eventTypes) el.removeEventListener(type, record);
  return { mutations, events, pending };
}
