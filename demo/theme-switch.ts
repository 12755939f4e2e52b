// The kit's theme: `?theme=harbour` or the header's select. A theme is a set
// of --emr-* custom properties (kit-themes.css) under a data attribute on
// the root element; the portal's own look does not change.

const THEMES = ['standard', 'harbour'] as const;
type Theme = (typeof THEMES)[number];

const isTheme = (value: string | null): value is Theme => THEMES.includes(value as Theme);

export function setUpThemeSwitch(select: HTMLSelectElement): void {
  const requested = new URLSearchParams(location.search).get('theme');
  apply(isTheme(requested) ? requested : 'standard');
  select.value = document.documentElement.dataset.kitTheme ?? 'standard';
  select.addEventListener('change', () => {
    if (!isTheme(select.value)) return;
    apply(select.value);
    const url = new URL(location.href);
    if (select.value === 'standard') url.searchParams.delete('theme');
    else url.searchParams.set('theme', select.value);
    history.replaceState(history.state, '', url);
  });
}

function apply(theme: Theme): void {
  document.documentElement.dataset.kitTheme = theme;
}
