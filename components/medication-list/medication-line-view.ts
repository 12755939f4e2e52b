import { html, type TemplateResult } from 'lit';
import type { MedicationLine } from '../../clinical/index.js';

/** The medication line with the drug's name in bold; "Do not give:" and the like stay in front of it. */
export function lineTemplate(line: MedicationLine): TemplateResult {
  const at = line.text.indexOf(line.name);
  return html`${line.text.slice(0, at)}<span class="name">${line.name}</span
    >${line.text.slice(at + line.name.length)}`;
}
