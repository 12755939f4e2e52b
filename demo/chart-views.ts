// The chart's sections (Summary, Results, Problems, Timeline, Notes), one shown at a time and
// chosen by the URL's hash, so that Back and a bookmark work. The allergy
// banner is outside them: it is on every view.

const VIEWS = ['summary', 'results', 'problems', 'timeline', 'notes'] as const;
export type ChartView = (typeof VIEWS)[number];

export function setUpChartViews(tabs: HTMLElement, sections: Iterable<HTMLElement>): void {
  const all = [...sections];
  const show = () => {
    const hash = location.hash.slice(1);
    const view: ChartView = VIEWS.includes(hash as ChartView) ? (hash as ChartView) : 'summary';
    for (const section of all) section.hidden = section.dataset.view !== view;
    for (const link of tabs.querySelectorAll('a')) {
      if (link.hash === `#${view}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  };
  window.addEventListener('hashchange', show);
  show();
}

/** Opens a view, as a click on its tab would; resolves once it is shown. */
export function openChartView(view: ChartView): Promise<void> {
  if (location.hash === `#${view}`) return Promise.resolve();
  // The listener of setUpChartViews, added first, shows the view before this one runs.
  const shown = new Promise<void>((resolve) =>
    window.addEventListener('hashchange', () => resolve(), { once: true }),
  );
  location.hash = view;
  return shown;
}
