// smart_style_url's keys become the kit's presentation tokens; a value that
// is not what its key says, or that would break out of its declaration, is
// dropped; the clinical colours are never taken from the EHR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smartStyleTokens } from '../../../ehr/smart/smart-style.js';

// What a browser's CSS.supports says, for the values used here.
const supports = (property: string, value: string) =>
  property === 'color'
    ? /^(#[0-9a-f]{3,8}|rgb\([\d, ]+\)|red|white)$/i.test(value)
    : property === 'font-family'
      ? /^[\w ,"'-]+$/.test(value)
      : /^\d+(\.\d+)?(px|rem|em)$/.test(value);

test('each SMART style key sets its token', () => {
  const tokens = smartStyleTokens(
    {
      color_background: '#edeae3',
      color_text: '#222',
      color_highlight: '#69b5ce',
      color_success: 'rgb(0, 128, 0)',
      font_family_body: '"Roboto", sans-serif',
      dim_border_radius: '6px',
      dim_font_size: '1rem',
      dim_spacing_size: '20px',
    },
    supports,
  );
  assert.deepEqual(tokens, {
    '--emr-color-surface': '#edeae3',
    '--emr-color-text': '#222',
    '--emr-color-primary': '#69b5ce',
    '--emr-color-success': 'rgb(0, 128, 0)',
    '--emr-font-family': '"Roboto", sans-serif',
    '--emr-radius-md': '6px',
    '--emr-font-size-md': '1rem',
    '--emr-space-md': '20px',
  });
});

test('values that are not what their key says, or that open another declaration, are dropped', () => {
  const tokens = smartStyleTokens(
    {
      color_background: 'red; background: url(https://evil.example/x)',
      color_text: 'not-a-colour',
      dim_font_size: '}',
      font_family_body: 'x'.repeat(500),
      color_highlight: 12 as unknown as string,
    },
    supports,
  );
  assert.deepEqual(tokens, {});
});

test('the clinical colours stay the kit’s: color_error and the backdrop set nothing', () => {
  assert.deepEqual(
    smartStyleTokens({ color_error: 'red', color_modal_backdrop: 'white' }, supports),
    {},
  );
});
