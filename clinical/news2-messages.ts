import type {
  News2Parameter,
  News2Response,
  News2ResponseLevel,
  News2Risk,
} from './news2-types.js';

// The text of the NEWS2 module, in one place for translation. The responses
// follow Chart 4 (clinical response) of the RCP NEWS2 report (2017); check
// them against the chart a trust displays before use.

export const news2Messages = {
  parameter: {
    'respiration-rate': 'respiration rate',
    spo2: 'SpO₂',
    'air-or-oxygen': 'air or oxygen',
    'systolic-bp': 'systolic blood pressure',
    pulse: 'pulse',
    consciousness: 'consciousness',
    temperature: 'temperature',
  } satisfies Record<News2Parameter, string>,
  risk: { low: 'low', 'low-medium': 'low–medium', medium: 'medium', high: 'high' } satisfies Record<
    News2Risk,
    string
  >,
  complete: (total: number, risk: string) => `NEWS2 ${total}: ${risk} clinical risk`,
  incomplete: (missing: string, partial: number, atLeast: string | undefined) =>
    `NEWS2 incomplete, missing ${missing}. Partial sum ${partial} (not a NEWS2)${atLeast ? `: at least ${atLeast} clinical risk` : ''}`,
  response: {
    zero: {
      threshold: 'Routine monitoring',
      monitoring: 'Minimum 12-hourly',
      actions: ['Continue routine NEWS monitoring'],
    },
    low: {
      threshold: 'Ward-based response',
      monitoring: 'Minimum 4–6-hourly',
      actions: [
        'Inform registered nurse, who must assess the patient',
        'Registered nurse decides whether increased frequency of clinical monitoring or escalation of care is required',
      ],
    },
    'low-medium': {
      threshold: 'Urgent ward-based response',
      monitoring: 'Minimum 1-hourly',
      actions: [
        'Registered nurse to inform medical team caring for the patient, who will review and decide whether escalation of care is necessary',
      ],
    },
    medium: {
      threshold: 'Key threshold for urgent response',
      monitoring: 'Minimum 1-hourly',
      actions: [
        'Registered nurse to immediately inform the medical team caring for the patient',
        'Registered nurse to request urgent assessment by a clinician or team with core competencies in the care of acutely ill patients',
        'Provide clinical care in an environment with monitoring facilities',
      ],
    },
    high: {
      threshold: 'Urgent or emergency response',
      monitoring: 'Continuous monitoring of vital signs',
      actions: [
        'Registered nurse to immediately inform the medical team caring for the patient – this should be at least at specialist registrar level',
        'Emergency assessment by a team with critical care competencies, including practitioner(s) with advanced airway management skills',
        'Consider transfer of care to a level 2 or 3 clinical care facility, ie higher-dependency unit or ICU',
        'Clinical care in an environment with monitoring facilities',
      ],
    },
  } satisfies Record<News2ResponseLevel, News2Response>,
};
