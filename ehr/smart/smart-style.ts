// `smart_style_url` (SMART App Launch, "Styling"): the launching EHR's
// colours, fonts and sizes, applied to the kit's `--emr-*` tokens so the kit
// looks like the EHR around it. Only presentation tokens are taken: the
// clinical colours (allergy danger, critical values, conflicts) stay the
// kit's own, whose contrast is checked; an EHR's `color_error` tuned for its
// form errors must not make an allergy alert pale.

export interface SmartStyle {
  color_background?: string;
  color_error?: string;
  color_highlight?: string;
  color_modal_backdrop?: string;
  color_success?: string;
  color_text?: string;
  dim_border_radius?: string;
  dim_font_size?: string;
  dim_spacing_size?: string;
  font_family_body?: string;
  font_family_heading?: string;
}

type Check = 'color' | 'length' | 'font';

const TOKENS: ReadonlyArray<[keyof SmartStyle, string, Check]> = [
  ['color_background', '--emr-color-surface', 'color'],
  ['color_text', '--emr-color-text', 'color'],
  ['color_highlight', '--emr-color-primary', 'color'],
  ['color_success', '--emr-color-success', 'color'],
  ['font_family_body', '--emr-font-family', 'font'],
  ['dim_border_radius', '--emr-radius-md', 'length'],
  ['dim_font_size', '--emr-font-size-md', 'length'],
  ['dim_spacing_size', '--emr-space-md', 'length'],
];

/** The `--emr-*` declarations a SMART style gives, its values checked to be what they claim (a colour, a length, a font list). */
export function smartStyleTokens(
  style: SmartStyle,
  supports: (property: string, value: string) => boolean = (p, v) => CSS.supports(p, v),
): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [key, token, check] of TOKENS) {
    const value = style[key];
    if (typeof value !== 'string' || value.length > 200) continue;
    const property =
      check === 'color' ? 'color' : check === 'length' ? 'border-radius' : 'font-family';
    // One value, never a way to close the declaration and open another.
    if (/[;{}]/.test(value) || !supports(property, value)) continue;
    tokens[token] = value.trim();
  }
  return tokens;
}

/** Fetches the EHR's style and sets its tokens on `target` (the element that holds the kit, or the document's root). Resolves to what was set. */
export async function applySmartStyle(
  target: HTMLElement,
  smartStyleUrl: string,
  fetcher: typeof fetch = globalThis.fetch,
): Promise<Record<string, string>> {
  const response = await fetcher(smartStyleUrl, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`smart_style_url ${smartStyleUrl} answered ${response.status}`);
  const tokens = smartStyleTokens((await response.json()) as SmartStyle);
  for (const [token, value] of Object.entries(tokens)) target.style.setProperty(token, value);
  return tokens;
}
