import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { consume } from '@lit/context';
import {
  syncStatusContext,
  type PresenceUser,
  type SyncRefusal,
  type SyncState,
  type SyncStatus,
  type SyncStatusSource,
} from '../../model/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { EmrElement } from '../shared/emr-element.js';
import { SyncStatusController } from './sync-status-controller.js';
import { EmrSyncSignInEvent } from './sync-status.events.js';
import { syncStatusMessages as messages } from './sync-status.messages.js';
import { styles } from './sync-status.styles.js';

/** `none`: no source, the chart is not shared. */
export type SyncStatusView = SyncStatus | 'none';

const ICON: Record<SyncStatusView, string> = {
  none: '–',
  offline: '⊘',
  connecting: '↻',
  waiting: '↑',
  synced: '✓',
  refused: '⚠',
};

/**
 * @summary Whether the chart on this device is shared with the sync server —
 * offline, connecting, changes waiting to go out, synced, or refused with the
 * reason — in words and an icon, and who else has the chart open, each with
 * their colour. Changes of status are announced politely; the count and the
 * presence list are not.
 *
 * No slots.
 *
 * @fires {SyncSignInDetail} emr-sync-sign-in - After the server refused the sign-in, a clinician asked to sign in again. `detail`: `{ reason, message, waiting }`.
 *
 * @csspart status - The status line (icon, words, waiting count).
 * @csspart detail - The explanation under a refused or offline status.
 * @csspart sign-in - The "Sign in again" button.
 * @csspart peers - The list of others who have the chart open.
 * @csspart peer - One of them.
 *
 * @cssproperty --emr-sync-status-text-color - Text colour. Falls back to `--emr-color-text`.
 * @cssproperty --emr-sync-status-gap - Space between parts. Falls back to `--emr-space-sm`.
 * @cssproperty --emr-sync-status-synced-color - Icon when synced. Falls back to `--emr-color-normal`.
 * @cssproperty --emr-sync-status-pending-color - Icon while offline, connecting or sending. Falls back to `--emr-color-pending`.
 * @cssproperty --emr-sync-status-refused-color - Icon and words when refused. Falls back to `--emr-color-critical`.
 * @cssproperty --emr-sync-status-focus-color - Focus ring. Falls back to `--emr-color-focus`.
 */
export class EmrSyncStatus extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, styles];

  /** Where the state comes from: the sync layer's chart connection, from context or set directly. */
  @consume({ context: syncStatusContext, subscribe: true })
  @property({ attribute: false })
  source?: SyncStatusSource;

  readonly #data = new SyncStatusController(this);

  /** What the element shows now. */
  get status(): SyncStatusView {
    return this.#data.state?.status ?? 'none';
  }

  override render(): TemplateResult {
    const state = this.#data.state;
    const status = this.status;
    const announcement = this.#data.announcement;
    return html`
      <div class="sync ${status}" role="group" aria-label=${messages.label}>
        <p part="status" class="status">
          <span class="icon" aria-hidden="true">${ICON[status]}</span>
          <strong class="words"
            >${status === 'none' ? messages.none : messages.status[status]}</strong
          >
          ${state && state.waiting > 0 ? html`<span class="waiting">${messages.waiting(state.waiting)}</span>` : nothing}
        </p>
        ${state ? this.#detail(state) : nothing}
        ${state && state.peers.length > 0 ? peerList(state.peers) : nothing}
        <div class="visually-hidden" role="status">
          ${announcement ? messages.announce(messages.status[announcement as SyncStatus]) : ''}
        </div>
      </div>
    `;
  }

  #detail(state: SyncState): TemplateResult | typeof nothing {
    const { refusal, waiting } = state;
    if (state.status === 'refused' && refusal) {
      return html`<p part="detail" class="detail">
        ${messages.refusal[refusal.reason]} ${state.waiting > 0 ? messages.keptHere : nothing}
        ${
          refusal.reason === 'unauthenticated'
            ? html`<button
                part="sign-in"
                type="button"
                @click=${() => this.#signIn(refusal, waiting)}
              >
                ${messages.signIn}
              </button>`
            : nothing
        }
      </p>`;
    }
    if ((state.status === 'offline' || state.status === 'connecting') && state.waiting > 0) {
      return html`<p part="detail" class="detail">${messages.keptHere}</p>`;
    }
    return nothing;
  }

  #signIn(refusal: SyncRefusal, waiting: number): void {
    this.dispatchEvent(
      new EmrSyncSignInEvent({ reason: refusal.reason, message: refusal.message, waiting }),
    );
  }
}

const peerList = (peers: readonly PresenceUser[]) => html`
  <div class="peers-line">
    <span id="peers-label" class="peers-label">${messages.peers}:</span>
    <ul part="peers" class="peers" aria-labelledby="peers-label">
      ${peers.map(
        (peer) =>
          html`<li part="peer" class="peer" data-user-id=${peer.id}>
            <span
              class="dot"
              style=${styleMap({ background: peer.color })}
              aria-hidden="true"
            ></span
            >${peer.name}
          </li>`,
      )}
    </ul>
  </div>
`;
