// A first visit's chart as text: the request the page's head made as it
// started (kit.html, raw.html), or one made now.

declare global {
  interface Window {
    chartText?: Promise<string>;
  }
}

export function chartText(): Promise<string> {
  return window.chartText ?? fetch('./chart.json').then((response) => response.text());
}
