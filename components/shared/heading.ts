import { nothing, type TemplateResult } from 'lit';
import { html, unsafeStatic, type StaticValue } from 'lit/static-html.js';

/** The levels of HTML headings, h1 to h6. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * The level a host set (a `heading-level` attribute) as h1 to h6: a number
 * outside 1–6 is brought to the nearer end; anything else (absent, empty,
 * not a number) gives `fallback`.
 */
export function headingLevel<F extends HeadingLevel | undefined>(
  value: unknown,
  fallback: F,
): HeadingLevel | F {
  if (value === null || value === undefined || value === '') return fallback;
  const level = Number(value);
  if (!Number.isFinite(level)) return fallback;
  return Math.min(6, Math.max(1, Math.round(level))) as HeadingLevel;
}

const TAGS: Record<HeadingLevel, StaticValue> = {
  1: unsafeStatic('h1'),
  2: unsafeStatic('h2'),
  3: unsafeStatic('h3'),
  4: unsafeStatic('h4'),
  5: unsafeStatic('h5'),
  6: unsafeStatic('h6'),
};

/**
 * A heading at `level` (a level past 6 stays h6), so the host page decides
 * where an element's headings sit in its own outline.
 */
export function heading(
  level: number,
  content: unknown,
  attributes: { id?: string; class?: string; part?: string } = {},
): TemplateResult {
  const tag = TAGS[headingLevel(level, 6)];
  return html`<${tag}
    id=${attributes.id ?? nothing}
    class=${attributes.class ?? nothing}
    part=${attributes.part ?? nothing}
  >${content}</${tag}>`;
}
