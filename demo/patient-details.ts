import type { WardPatient } from './demo-api.js';

// How the portal writes a patient's details.

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
}

/** "52 y" from a birth date, to a death date when there is one. */
export function age(birthDate: string, until?: string): string {
  const end = until ? new Date(until) : new Date();
  const birth = new Date(birthDate);
  let years = end.getUTCFullYear() - birth.getUTCFullYear();
  if (
    end.getUTCMonth() < birth.getUTCMonth() ||
    (end.getUTCMonth() === birth.getUTCMonth() && end.getUTCDate() < birth.getUTCDate())
  )
    years--;
  return `${years} y`;
}

export function demographics(patient: WardPatient): string {
  return [
    patient.birthDate &&
      `Born ${formatDate(patient.birthDate)} (${age(patient.birthDate, patient.deceased)})`,
    patient.gender && patient.gender[0]!.toUpperCase() + patient.gender.slice(1),
    patient.deceased && `Died ${formatDate(patient.deceased)}`,
    patient.mrn && `MRN ${patient.mrn}`,
  ]
    .filter(Boolean)
    .join(' · ');
}
