// Templates a new note can start from: headings with an optional prompt
// under each. Plain data, so a host can supply its own set; the editor turns
// a template into its document structure.

export interface NoteTemplateSection {
  heading: string;
  /** Placeholder text under the heading, kept when the clinician does not replace it. */
  prompt?: string;
}

export interface NoteTemplate {
  id: string;
  label: string;
  /** LOINC code of the note type it suits, when it suits one. */
  noteType?: string;
  sections: readonly NoteTemplateSection[];
}

export const DEFAULT_NOTE_TEMPLATES: readonly NoteTemplate[] = [
  {
    id: 'soap',
    label: 'SOAP',
    noteType: '11506-3',
    sections: [
      { heading: 'Subjective' },
      { heading: 'Objective' },
      { heading: 'Assessment' },
      { heading: 'Plan' },
    ],
  },
  {
    id: 'history-and-physical',
    label: 'History and physical',
    noteType: '34117-2',
    sections: [
      { heading: 'Chief complaint' },
      { heading: 'History of present illness' },
      { heading: 'Past medical history' },
      { heading: 'Medications' },
      { heading: 'Allergies' },
      { heading: 'Social history' },
      { heading: 'Family history' },
      { heading: 'Review of systems' },
      { heading: 'Physical examination' },
      { heading: 'Assessment and plan' },
    ],
  },
  {
    id: 'consult',
    label: 'Consult',
    noteType: '11488-4',
    sections: [
      { heading: 'Reason for consultation' },
      { heading: 'Findings' },
      { heading: 'Impression' },
      { heading: 'Recommendations' },
    ],
  },
  {
    id: 'discharge',
    label: 'Discharge summary',
    noteType: '18842-5',
    sections: [
      { heading: 'Admission diagnosis' },
      { heading: 'Hospital course' },
      { heading: 'Discharge diagnosis' },
      { heading: 'Discharge medications' },
      { heading: 'Follow-up' },
    ],
  },
  {
    id: 'procedure',
    label: 'Procedure',
    noteType: '28570-0',
    sections: [
      { heading: 'Procedure' },
      { heading: 'Indication' },
      { heading: 'Consent' },
      { heading: 'Description' },
      { heading: 'Findings' },
      { heading: 'Complications' },
      { heading: 'Plan' },
    ],
  },
];
