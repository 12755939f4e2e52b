import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { searchCoded, type CodedConcept } from '../../clinical/coded-search.js';
import { recordingMessages as m } from './recording.messages.js';

/**
 * A search over a shipped list of coded concepts, as an ARIA 1.2 combobox:
 * type to filter, arrow keys to move, Enter or a click to choose, Escape to
 * close. What is typed and not chosen stays as free text (uncoded). The
 * input and its list live in the host's shadow root, beside their label.
 */
export class CodedSearchController<C extends CodedConcept> implements ReactiveController {
  text = '';
  chosen: C | undefined;
  options: C[] = [];
  active = -1;
  open = false;
  readonly #host: ReactiveControllerHost;
  readonly #list: readonly C[];
  readonly #onChange: () => void;

  /** `onChange` runs after each change of the text or the choice. */
  constructor(host: ReactiveControllerHost, list: readonly C[], onChange: () => void) {
    this.#host = host;
    this.#list = list;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Empties the field. */
  clear(): void {
    this.text = '';
    this.chosen = undefined;
    this.#close();
  }

  choose(option: C): void {
    this.chosen = option;
    this.text = option.display;
    this.#close();
    this.#onChange();
  }

  readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.chosen = undefined;
    this.options = searchCoded(this.#list, this.text);
    this.active = -1;
    this.open = this.text.trim() !== '';
    this.#host.requestUpdate();
    this.#onChange();
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const count = this.options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!count) return;
      event.preventDefault();
      this.open = true;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + count) % count;
      this.#host.requestUpdate();
    } else if (event.key === 'Enter' && this.open && this.active >= 0) {
      event.preventDefault(); // choosing is not submitting
      this.choose(this.options[this.active]!);
    } else if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      this.#close();
    }
  };

  #close(): void {
    this.open = false;
    this.active = -1;
    this.#host.requestUpdate();
  }
}

/** The labelled combobox; `id` names the input, `${id}-list` its list. */
export function codedSearchField<C extends CodedConcept>(
  search: CodedSearchController<C>,
  options: { id: string; label: string; error?: string; hint?: string },
) {
  const { id, label, error, hint } = options;
  const listId = `${id}-list`;
  const showList = search.open && search.options.length > 0;
  const uncoded = !search.chosen && search.text.trim() !== '';
  const described = [
    error ? `${id}-error` : '',
    uncoded ? `${id}-uncoded` : '',
    hint ? `${id}-hint` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return html`<div class="field search">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="text"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${showList ? 'true' : 'false'}
      aria-controls=${listId}
      aria-activedescendant=${showList && search.active >= 0 ? `${id}-option-${search.active}` : nothing}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      .value=${search.text}
      @input=${search.onInput}
      @keydown=${search.onKeydown}
    />
    <ul id=${listId} role="listbox" aria-label=${label} ?hidden=${!showList}>
      ${
        showList
          ? search.options.map(
              (option, index) =>
                html`<li
                  id="${id}-option-${index}"
                  role="option"
                  aria-selected=${index === search.active ? 'true' : 'false'}
                  @click=${() => search.choose(option)}
                >
                  ${option.display}
                </li>`,
            )
          : nothing
      }
    </ul>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${uncoded ? html`<span class="uncoded" id="${id}-uncoded"><span aria-hidden="true">⚠ </span>${m.uncoded}</span>` : nothing}
    ${error ? html`<span part="error" class="error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}
