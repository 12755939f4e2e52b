// Telling a FHIR DSTU2 or STU3 resource from an R4 one, so that the error
// says "this is STU3" instead of a list of puzzling field errors.

/** Resource types that exist in DSTU2 or STU3 and were removed or renamed by R4. */
const RETIRED_TYPES: Record<string, { version: string; r4?: string }> = {
  MedicationOrder: { version: 'DSTU2', r4: 'MedicationRequest' },
  DiagnosticOrder: { version: 'DSTU2', r4: 'ServiceRequest' },
  DeviceUseRequest: { version: 'DSTU2', r4: 'DeviceRequest' },
  Order: { version: 'DSTU2', r4: 'Task' },
  OrderResponse: { version: 'DSTU2', r4: 'Task' },
  Conformance: { version: 'DSTU2', r4: 'CapabilityStatement' },
  ProcedureRequest: { version: 'STU3', r4: 'ServiceRequest' },
  ReferralRequest: { version: 'STU3', r4: 'ServiceRequest' },
  ProcessRequest: { version: 'STU3', r4: 'Task' },
  ProcessResponse: { version: 'STU3', r4: 'Task' },
  EligibilityRequest: { version: 'STU3', r4: 'CoverageEligibilityRequest' },
  EligibilityResponse: { version: 'STU3', r4: 'CoverageEligibilityResponse' },
  BodySite: { version: 'STU3', r4: 'BodyStructure' },
  DataElement: { version: 'STU3', r4: 'StructureDefinition' },
  ImagingManifest: { version: 'STU3', r4: 'ImagingStudy' },
  Sequence: { version: 'STU3', r4: 'MolecularSequence' },
  ServiceDefinition: { version: 'STU3', r4: 'ActivityDefinition' },
  DeviceComponent: { version: 'STU3', r4: 'DeviceDefinition' },
};

export function retiredType(resourceType: string): string | undefined {
  const retired = RETIRED_TYPES[resourceType];
  if (!retired || !Object.hasOwn(RETIRED_TYPES, resourceType)) return undefined;
  return (
    `resourceType ${resourceType} is FHIR ${retired.version}, not R4` +
    (retired.r4 ? ` (R4 has ${retired.r4})` : '')
  );
}

type Resource = Record<string, unknown>;
type Signature = [version: string, field: string, test: (r: Resource) => boolean, why: string];

const isString = (field: string) => (r: Resource) => typeof r[field] === 'string';
const has = (field: string) => (r: Resource) => r[field] !== undefined;

/** Fields whose shape changed in R4, by modeled type. */
const SIGNATURES: Record<string, Signature[]> = {
  AllergyIntolerance: [
    [
      'DSTU2',
      'substance',
      has('substance'),
      'DSTU2 names the allergen in "substance"; R4 uses "code"',
    ],
    [
      'DSTU2',
      'status',
      has('status'),
      'DSTU2 has "status"; R4 has clinicalStatus and verificationStatus',
    ],
    [
      'STU3',
      'clinicalStatus',
      isString('clinicalStatus'),
      'STU3 has a code here; R4 has a CodeableConcept',
    ],
    [
      'STU3',
      'verificationStatus',
      isString('verificationStatus'),
      'STU3 has a code here; R4 has a CodeableConcept',
    ],
    ['STU3', 'assertedDate', has('assertedDate'), 'STU3 has "assertedDate"; R4 has "recordedDate"'],
  ],
  Condition: [
    ['DSTU2', 'patient', has('patient'), 'DSTU2 has "patient"; R4 has "subject"'],
    [
      'STU3',
      'clinicalStatus',
      isString('clinicalStatus'),
      'STU3 has a code here; R4 has a CodeableConcept',
    ],
    [
      'STU3',
      'verificationStatus',
      isString('verificationStatus'),
      'STU3 has a code here; R4 has a CodeableConcept',
    ],
    ['STU3', 'assertedDate', has('assertedDate'), 'STU3 has "assertedDate"; R4 has "recordedDate"'],
  ],
  MedicationStatement: [
    [
      'DSTU2',
      'wasNotTaken',
      has('wasNotTaken'),
      'DSTU2 has "wasNotTaken"; R4 has status not-taken',
    ],
    ['STU3', 'taken', has('taken'), 'STU3 has "taken"; R4 has status not-taken'],
  ],
  MedicationRequest: [
    ['STU3', 'context', has('context'), 'STU3 has "context"; R4 has "encounter"'],
    [
      'STU3',
      'definition',
      has('definition'),
      'STU3 has "definition"; R4 has instantiatesCanonical',
    ],
  ],
  Observation: [
    ['STU3', 'context', has('context'), 'STU3 has "context"; R4 has "encounter"'],
    ['STU3', 'comment', has('comment'), 'STU3 has "comment"; R4 has "note"'],
    ['DSTU2', 'comments', has('comments'), 'DSTU2 has "comments"; R4 has "note"'],
  ],
  Encounter: [
    ['DSTU2', 'patient', has('patient'), 'DSTU2 has "patient"; R4 has "subject"'],
    ['DSTU2', 'class', isString('class'), 'DSTU2 has a code here; R4 has a Coding'],
  ],
  Immunization: [
    ['DSTU2', 'wasNotGiven', has('wasNotGiven'), 'DSTU2 has "wasNotGiven"; R4 has status not-done'],
    ['STU3', 'notGiven', has('notGiven'), 'STU3 has "notGiven"; R4 has status not-done'],
    ['STU3', 'date', has('date'), 'STU3 has "date"; R4 has occurrence[x]'],
  ],
  Procedure: [
    ['STU3', 'notDone', has('notDone'), 'STU3 has "notDone"; R4 has status not-done'],
    ['STU3', 'context', has('context'), 'STU3 has "context"; R4 has "encounter"'],
  ],
  DiagnosticReport: [
    ['STU3', 'context', has('context'), 'STU3 has "context"; R4 has "encounter"'],
    ['DSTU2', 'request', has('request'), 'DSTU2 has "request"; R4 has "basedOn"'],
  ],
  DocumentReference: [
    ['STU3', 'indexed', has('indexed'), 'STU3 has "indexed"; R4 has "date"'],
    ['STU3', 'class', has('class'), 'STU3 has "class"; R4 has "category"'],
  ],
};

/** Why a modeled resource looks like DSTU2 or STU3, with the field that shows it; undefined for R4. */
export function olderVersionSignature(
  resource: Resource,
): { field: string; message: string } | undefined {
  const type = resource.resourceType as string;
  const signatures = Object.hasOwn(SIGNATURES, type) ? SIGNATURES[type]! : [];
  for (const [version, field, test, why] of signatures) {
    if (test(resource))
      return {
        field,
        message: `looks like a FHIR ${version} ${type}: ${why}. The kit reads FHIR R4.`,
      };
  }
  return undefined;
}
