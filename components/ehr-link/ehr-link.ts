import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import {
  deliveryStatusContext,
  type DeliveryStatus,
  type DeliveryStatusSource,
  type EhrLink,
} from '../../model/index.js';
import { controlStyles } from '../shared/control.styles.js';
import { DELIVERY_ICON } from '../shared/delivery-note.js';
import { EmrElement } from '../shared/emr-element.js';
import { EhrLinkController, type EhrLinkAnnouncement } from './ehr-link-controller.js';
import {
  EmrEhrLinkSelectEvent,
  EmrEhrSignInEvent,
  type DeliveryProblem,
} from './ehr-link.events.js';
import { ehrLinkMessages as messages } from './ehr-link.messages.js';
import { styles } from './ehr-link.styles.js';

/** `none`: no source, changes are not given back to a hospital record. */
export type EhrLinkView = EhrLink | 'none';

const ICON: Record<EhrLinkView, string> = {
  none: '–',
  idle: '✓',
  sending: '↑',
  unreachable: '⊘',
  'sign-in-needed': '⚠',
  stopped: '■',
};

const PROBLEMS: readonly DeliveryProblem[] = ['conflict', 'not-accepted', 'refused'];

/**
 * @summary The link to the hospital's EHR (the system of record) — up to
 * date, sending, cannot reach it, sign-in needed, or stopped — in words and
 * an icon, with the changes waiting to send, those sent, and the problems
 * (conflicts, not accepted, refused), each count a button to those records.
 * Sits beside `<emr-sync-status>`. Changes of link, and problems that arrive,
 * are announced politely; the waiting and sent counts are not.
 *
 * No slots.
 *
 * @fires {EhrLinkSelectDetail} emr-ehr-link-select - A clinician chose a count of problems, to see those records. `detail`: `{ state, count }`.
 * @fires {EhrSignInDetail} emr-ehr-sign-in - After the hospital record refused the sign-in, a clinician asked to sign in again. `detail`: `{ problem, waiting }`.
 *
 * @csspart status - The link line (icon and words).
 * @csspart detail - The explanation under an unreachable, sign-in-needed or stopped link.
 * @csspart sign-in - The "Sign in again" button.
 * @csspart counts - The waiting, sent and kept-here counts.
 * @csspart problems - The list of problem counts.
 * @csspart problem - One problem count's button.
 *
 * @cssproperty --emr-ehr-link-text-color - Text colour. Falls back to `--emr-color-text`.
 * @cssproperty --emr-ehr-link-gap - Space between parts. Falls back to `--emr-space-sm`.
 * @cssproperty --emr-ehr-link-ok-color - Icon when up to date. Falls back to `--emr-color-normal`.
 * @cssproperty --emr-ehr-link-pending-color - Icon while sending, unreachable or stopped. Falls back to `--emr-color-pending`.
 * @cssproperty --emr-ehr-link-problem-color - Icon and words of a sign-in needed, and the problems' icons. Falls back to `--emr-color-critical`.
 */
export class EmrEhrLink extends EmrElement {
  static override styles = [EmrElement.styles, controlStyles, styles];

  /** Where the status comes from: the ehr/ layer's delivery controller (`deliverChanges`), or any object with `status` and `subscribe`; from context (deliveryStatusContext) or set directly. */
  @consume({ context: deliveryStatusContext, subscribe: true })
  @property({ attribute: false })
  source?: DeliveryStatusSource;

  readonly #data = new EhrLinkController(this);

  /** What the element shows now. */
  get link(): EhrLinkView {
    return this.#data.status?.link ?? 'none';
  }

  override render(): TemplateResult {
    const status = this.#data.status;
    const link = this.link;
    return html`
      <div class="link ${link}" role="group" aria-label=${messages.label}>
        <p part="status" class="status">
          <span class="icon" aria-hidden="true">${ICON[link]}</span>
          <strong class="words">${link === 'none' ? messages.none : messages.link[link]}</strong>
        </p>
        ${status ? this.#detail(status) : nothing} ${status ? this.#counts(status) : nothing}
        <div class="visually-hidden" role="status">${announce(this.#data.announcement)}</div>
      </div>
    `;
  }

  #detail(status: DeliveryStatus): TemplateResult | typeof nothing {
    const said = status.problem ? messages.said(status.problem) : nothing;
    switch (status.link) {
      case 'unreachable':
        return html`<p part="detail" class="detail">${messages.retrying} ${said}</p>`;
      case 'stopped':
        return html`<p part="detail" class="detail">${messages.stopped}</p>`;
      case 'sign-in-needed':
        return html`<p part="detail" class="detail">
          ${messages.signInNeeded} ${said}
          <button part="sign-in" type="button" @click=${this.#onSignIn}>${messages.signIn}</button>
        </p>`;
      default:
        return nothing;
    }
  }

  #counts({ counts }: DeliveryStatus): TemplateResult {
    const problems = PROBLEMS.filter((state) => counts[state] > 0);
    return html`
      <p part="counts" class="counts">
        <span class="count" data-state="waiting"
          ><span class="count-icon" aria-hidden="true">${DELIVERY_ICON.waiting}</span>
          ${messages.waiting(counts.waiting)}</span
        >
        <span class="count" data-state="sent"
          ><span class="count-icon" aria-hidden="true">${DELIVERY_ICON.sent}</span>
          ${messages.sent(counts.sent)}</span
        >
        ${
          counts['local-only'] > 0
            ? html`<span class="count" data-state="local-only"
                ><span class="count-icon" aria-hidden="true">${DELIVERY_ICON['local-only']}</span>
                ${messages.localOnly(counts['local-only'])}</span
              >`
            : nothing
        }
      </p>
      ${
        problems.length > 0
          ? html`<ul part="problems" class="problems" aria-label=${messages.problemsLabel}>
              ${problems.map(
                (state) =>
                  html`<li>
                    <button
                      part="problem"
                      type="button"
                      class="problem"
                      data-state=${state}
                      @click=${() => this.#onSelect(state, counts[state])}
                    >
                      <span class="count-icon" aria-hidden="true">${DELIVERY_ICON[state]}</span>
                      ${messages.problem[state](counts[state])}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    `;
  }

  #onSelect(state: DeliveryProblem, count: number): void {
    this.dispatchEvent(new EmrEhrLinkSelectEvent({ state, count }));
  }

  readonly #onSignIn = () => {
    const status = this.#data.status;
    this.dispatchEvent(
      new EmrEhrSignInEvent({
        problem: status?.problem ?? '',
        waiting: status?.counts.waiting ?? 0,
      }),
    );
  };
}

function announce(announcement: EhrLinkAnnouncement | undefined): string {
  if (!announcement) return '';
  return messages.announce(
    announcement.kind === 'link'
      ? messages.link[announcement.status.link]
      : messages.problem[announcement.state](announcement.count),
  );
}
