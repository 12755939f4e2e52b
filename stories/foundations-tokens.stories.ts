import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import {
  clinicalTokens,
  globalTokens,
  tokenValue,
  type ClinicalToken,
  type GlobalToken,
} from '../components/shared/tokens.js';

const meta: Meta = {
  title: 'Foundations/Design tokens',
};
export default meta;

type Story = StoryObj;

const colourTokens = (Object.keys(globalTokens) as GlobalToken[]).filter((name) =>
  name.startsWith('--emr-color-'),
);

/** What each clinical meaning says in a chart: never colour alone. */
const clinicalLabels: Record<ClinicalToken, string> = {
  '--emr-color-severity-high': 'Severity: high',
  '--emr-color-severity-moderate': 'Severity: moderate',
  '--emr-color-severity-low': 'Severity: low',
  '--emr-color-critical': 'Critical value',
  '--emr-color-abnormal': 'Abnormal (H/L)',
  '--emr-color-normal': 'Within range',
  '--emr-color-conflict': 'Conflict: two versions',
  '--emr-color-pending': 'Not yet synced',
};

const list = styleMap({
  listStyle: 'none',
  margin: '0',
  padding: '0',
  display: 'grid',
  gap: tokenValue('--emr-space-md'),
  fontFamily: tokenValue('--emr-font-family'),
  color: tokenValue('--emr-color-text'),
});
const row = styleMap({ display: 'flex', gap: tokenValue('--emr-space-md'), alignItems: 'center' });
const muted = styleMap({ color: tokenValue('--emr-color-text-muted') });
const code = styleMap({ fontFamily: tokenValue('--emr-font-family-mono') });

const swatch = (name: GlobalToken | ClinicalToken) => html`
  <span
    style=${styleMap({
      flex: 'none',
      width: '3rem',
      height: '2rem',
      background: tokenValue(name),
      border: `1px solid ${tokenValue('--emr-color-border')}`,
      borderRadius: tokenValue('--emr-radius-md'),
    })}
  ></span>
`;

const tokenList = (items: TemplateResult[]) =>
  html`<ul style=${list}>
    ${items}
  </ul>`;

/** The global palette: each swatch with its token name and default value. */
export const Colours: Story = {
  render: () =>
    tokenList(
      colourTokens.map(
        (name) => html`
          <li style=${row}>
            ${swatch(name)}
            <code style=${code}>${name}</code>
            <span style=${muted}>${globalTokens[name]}</span>
          </li>
        `,
      ),
    ),
};

/** Clinical-meaning tokens: swatch, a text label in that colour, and the global token it falls back to. */
export const ClinicalMeaning: Story = {
  render: () =>
    tokenList(
      (Object.keys(clinicalTokens) as ClinicalToken[]).map(
        (name) => html`
          <li style=${row}>
            ${swatch(name)}
            <strong style=${styleMap({ color: tokenValue(name) })}>${clinicalLabels[name]}</strong>
            <code style=${code}>${name}</code>
            <span style=${muted}
              >falls back to <code style=${code}>${clinicalTokens[name]}</code></span
            >
          </li>
        `,
      ),
    ),
};
