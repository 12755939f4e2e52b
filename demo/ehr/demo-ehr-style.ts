// The style JSON behind `smart_style_url`: SMART App Launch's keys, with the
// demo portal's colours, so an app can match the EHR that launched it.

export interface SmartStyle {
  color_background: string;
  color_error: string;
  color_highlight: string;
  color_modal_backdrop: string;
  color_success: string;
  color_text: string;
  dim_border_radius: string;
  dim_font_size: string;
  dim_spacing_size: string;
  font_family_body: string;
  font_family_heading: string;
}

export const DEMO_EHR_STYLE: SmartStyle = {
  color_background: '#f6f7f9',
  color_error: '#b42318',
  color_highlight: '#1d5fa8',
  color_modal_backdrop: 'rgba(16, 24, 40, 0.6)',
  color_success: '#067647',
  color_text: '#1d2939',
  dim_border_radius: '6px',
  dim_font_size: '16px',
  dim_spacing_size: '8px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
};

/** The path the server answers the style JSON on. */
export const STYLE_PATH = '/smart-style.json';
