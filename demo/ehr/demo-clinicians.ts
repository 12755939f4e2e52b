// The demo EHR's users: the clinicians who can sign in to it, by the same
// ids and names as the demo portal's users (sync/server/dev-users.ts), so
// that "Signed in as" in the portal and on the EHR's pages name one person.

export const DEMO_CLINICIANS = [
  { id: 'dr-okafor', name: 'Dr Ada Okafor', fhirUser: 'Practitioner/pr-okafor' },
  { id: 'dr-lindqvist', name: 'Dr Erik Lindqvist', fhirUser: 'Practitioner/pr-lindqvist' },
];
