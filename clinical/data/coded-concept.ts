// The shape of an entry in the kit's shipped search lists: one coded
// concept, as FHIR writes it in a Coding.

export interface CodedConcept {
  system: string;
  code: string;
  display: string;
}
