import type { WardPatient } from './demo-api.js';
import { age } from './patient-details.js';

// The ward list: one button per patient, saying whether their chart is on
// this device yet. Choosing one is the portal's business (onPick).

export class PatientPicker {
  readonly #buttons = new Map<string, HTMLButtonElement>();

  constructor(
    list: HTMLUListElement,
    patients: readonly WardPatient[],
    onPick: (patient: WardPatient) => void,
  ) {
    list.replaceChildren(
      ...patients.map((patient) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'patient-button';
        button.dataset.patientId = patient.patientId;
        button.append(
          span('name', patient.name),
          span(
            'meta',
            [
              patient.birthDate && age(patient.birthDate, patient.deceased),
              patient.gender,
              patient.deceased && 'deceased',
            ]
              .filter(Boolean)
              .join(' · '),
          ),
          span('where', ''),
        );
        button.addEventListener('click', () => onPick(patient));
        this.#buttons.set(patient.patientId, button);
        const item = document.createElement('li');
        item.append(button);
        return item;
      }),
    );
    this.showOnDevice(new Set());
  }

  /** Marks the patient whose chart is open. */
  setCurrent(patientId: string | undefined): void {
    for (const [id, button] of this.#buttons)
      button.setAttribute('aria-current', String(id === patientId));
  }

  /** Says, for each patient, whether the chart is on this device yet. */
  showOnDevice(onDevice: ReadonlySet<string>): void {
    for (const [id, button] of this.#buttons) {
      const where = button.querySelector('.where')!;
      where.textContent = onDevice.has(id) ? 'On this device' : 'Not on this device yet';
      where.classList.toggle('local', onDevice.has(id));
    }
  }
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
