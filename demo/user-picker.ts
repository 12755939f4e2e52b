import type { DemoUser } from './demo-api.js';

// "Signed in as": the demo's users, two clinicians and a read-only viewer.
// A real portal knows who is signed in; here it is a choice, kept in the URL
// (?user=) so that a second window can be opened as someone else.

const ROLE_LABEL: Record<DemoUser['role'], string> = {
  clinician: 'clinician',
  viewer: 'read only',
  auditor: 'auditor',
};

export class UserPicker {
  readonly #select: HTMLSelectElement;
  readonly #users: readonly DemoUser[];

  constructor(
    select: HTMLSelectElement,
    users: readonly DemoUser[],
    requested: string | null,
    onChange: (user: DemoUser) => void,
  ) {
    this.#select = select;
    this.#users = users;
    select.replaceChildren(
      ...users.map((user) => new Option(`${user.name} (${ROLE_LABEL[user.role]})`, user.id)),
    );
    select.value = users.some((u) => u.id === requested) ? requested! : users[0]!.id;
    select.disabled = false;
    select.addEventListener('change', () => onChange(this.current));
  }

  get current(): DemoUser {
    return this.#users.find((u) => u.id === this.#select.value)!;
  }
}
