// A note that may not be changed (signed, or read only for this user)
// refuses edits made around its text: typed keys, paste, cut and drop are
// stopped, and the refusal is reported. Moving, selecting and copying stay.

export interface EditRefusalHandlers {
  onKey(event: KeyboardEvent): void;
  onClipboard(event: Event): void;
}

const typing = (event: KeyboardEvent): boolean =>
  (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) ||
  ['Enter', 'Backspace', 'Delete'].includes(event.key);

export function editRefusal({
  editable,
  refuse,
}: {
  editable(): boolean;
  refuse(): void;
}): EditRefusalHandlers {
  return {
    onKey: (event) => {
      if (editable() || !typing(event)) return;
      event.preventDefault();
      refuse();
    },
    onClipboard: (event) => {
      if (editable()) return;
      event.preventDefault();
      refuse();
    },
  };
}
