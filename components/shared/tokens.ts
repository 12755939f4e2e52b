/**
 * Design tokens, in three tiers (the third lives in each component):
 *
 * 1. Global tokens (`--emr-color-*`, `--emr-space-*`, `--emr-font-*`,
 *    `--emr-radius-*`): the palette, spacing, type and shape. The values here
 *    are defaults; a host page sets any of them on `:root` or on any ancestor
 *    of the kit's elements.
 * 2. Clinical-meaning tokens (`--emr-color-severity-high`,
 *    `--emr-color-abnormal`, ...): what a colour means in the chart. Each
 *    falls back to a global token, so a page can retheme the palette and still
 *    restyle one meaning alone.
 * 3. Component properties (`--emr-<component>-<prop>`), each falling back to
 *    a token of the tiers above, declared in the component's styles.
 *
 * Custom properties set on a shadow host would hide the page's values, so
 * components do not declare the tokens: they read them through `token()`,
 * which writes `var(--name, fallback)` with the default built in.
 *
 * The type tokens are the exception on the host: an element takes the host
 * page's font family, size and line height, and `--emr-font-family`,
 * `--emr-font-size-md` and `--emr-line-height` only when a page sets them
 * (their defaults below serve `rootTokens`, and sizes inside elements).
 *
 * Every colour meant for text has at least 4.5:1 contrast on white (WCAG AA).
 * Colour never carries meaning alone: a label or icon goes with it.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';

/** Tier 1: global tokens and their defaults. */
export const globalTokens = {
  '--emr-color-primary': '#0b5cad',
  '--emr-color-on-primary': '#ffffff',
  '--emr-color-text': '#1b2430',
  '--emr-color-text-muted': '#4b5563',
  '--emr-color-surface': '#ffffff',
  '--emr-color-surface-subtle': '#f3f4f6',
  // 4.8:1 on white: enough for borders of controls (3:1) and for text.
  '--emr-color-border': '#6b7280',
  '--emr-color-danger': '#b42318',
  '--emr-color-warning': '#b45309',
  '--emr-color-caution': '#7a5c00',
  '--emr-color-success': '#067647',
  '--emr-color-info': '#175cd3',
  '--emr-color-attention': '#6d28d9',
  '--emr-color-focus': '#0b5cad',

  '--emr-space-xs': '0.25rem',
  '--emr-space-sm': '0.5rem',
  '--emr-space-md': '0.75rem',
  '--emr-space-lg': '1rem',
  '--emr-space-xl': '1.5rem',

  '--emr-font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  '--emr-font-family-mono': 'ui-monospace, "SF Mono", Menlo, Consolas, monospace',
  '--emr-font-size-sm': '0.875rem',
  '--emr-font-size-md': '1rem',
  '--emr-font-size-lg': '1.25rem',
  '--emr-font-weight-bold': '600',
  '--emr-line-height': '1.5',

  '--emr-radius-sm': '2px',
  '--emr-radius-md': '4px',
  '--emr-radius-lg': '8px',
} as const;

/** Tier 2: clinical-meaning tokens, each naming the global token it falls back to. */
export const clinicalTokens = {
  '--emr-color-severity-high': '--emr-color-danger',
  '--emr-color-severity-moderate': '--emr-color-warning',
  '--emr-color-severity-low': '--emr-color-caution',
  '--emr-color-critical': '--emr-color-danger',
  '--emr-color-abnormal': '--emr-color-warning',
  '--emr-color-normal': '--emr-color-success',
  '--emr-color-conflict': '--emr-color-attention',
  '--emr-color-pending': '--emr-color-text-muted',
} as const satisfies Record<string, keyof typeof globalTokens>;

export type GlobalToken = keyof typeof globalTokens;
export type ClinicalToken = keyof typeof clinicalTokens;
export type Token = GlobalToken | ClinicalToken;

function isClinical(name: Token): name is ClinicalToken {
  return Object.hasOwn(clinicalTokens, name);
}

/** `var(--name, fallback)`, down the tiers to the global default. */
export function tokenValue(name: Token): string {
  return isClinical(name)
    ? `var(${name}, ${tokenValue(clinicalTokens[name])})`
    : `var(${name}, ${globalTokens[name]})`;
}

/**
 * A token for use inside a component's `css`:
 * `` css`color: ${token('--emr-color-abnormal')};` ``
 * (`unsafeCSS` is safe here: only the constants above go into it.)
 */
export function token(name: Token): CSSResult {
  return unsafeCSS(tokenValue(name));
}

/**
 * The global defaults as a `:root` rule, for a host page that wants them
 * spelled out (`document.adoptedStyleSheets`) as the starting point of its
 * own theme. The kit's elements do not need it.
 */
export const rootTokens: CSSResult = css`
  :root {
    ${unsafeCSS(
      Object.entries(globalTokens)
        .map(([name, value]) => `${name}: ${value};`)
        .join('\n    '),
    )}
  }
`;
