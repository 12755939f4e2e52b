import { html, nothing, type TemplateResult } from 'lit';
import type { Coding, ImagingStudy, Reference } from '../../model/index.js';
import { conceptLabel, formatNumber } from '../../clinical/index.js';
import { safeHref } from '../note-editor/safe-link.js';
import { detailRow } from './diagnostic-report-view.js';
import { formatWhen, reportViewerMessages as m } from './report-viewer.messages.js';

// One ImagingStudy: modality, when it started, how many series and images,
// its description and reason, each series, and its endpoints as links (an
// endpoint given as an absolute web address, or as a contained Endpoint
// with one; the kit does not hold Endpoint resources of their own).

const codingLabel = (coding: Coding | undefined) => coding?.display?.trim() || coding?.code;

/** The study's modalities, its own list first, then its series', each once. */
function modalities(study: ImagingStudy): string {
  const all = [...(study.modality ?? []), ...(study.series ?? []).map((series) => series.modality)];
  return [...new Set(all.map(codingLabel).filter(Boolean))].join(', ');
}

/** Counts as the study gives them, else counted from its series. */
function counts(study: ImagingStudy): { series: number; instances: number } {
  const series = study.series ?? [];
  return {
    series: study.numberOfSeries ?? series.length,
    instances:
      study.numberOfInstances ??
      series.reduce((sum, one) => sum + (one.numberOfInstances ?? one.instance?.length ?? 0), 0),
  };
}

interface EndpointLink {
  label: string;
  href?: string;
}

function endpoint(study: ImagingStudy, reference: Reference): EndpointLink {
  const label = reference.display?.trim() || reference.reference || m.endpoint;
  const target = reference.reference ?? '';
  if (target.startsWith('#')) {
    const contained = (
      (study as { contained?: Array<Record<string, unknown>> }).contained ?? []
    ).find(
      (resource) => resource.resourceType === 'Endpoint' && `#${String(resource.id)}` === target,
    );
    const address = safeHref(contained?.address);
    return {
      label: reference.display?.trim() || String(contained?.name ?? address ?? label),
      href: address,
    };
  }
  return { label, href: safeHref(target) };
}

export function renderImagingStudy(
  study: ImagingStudy,
  subheading: (text: string) => TemplateResult,
): TemplateResult {
  const { series, instances } = counts(study);
  const endpoints = [
    ...(study.endpoint ?? []),
    ...(study.series ?? []).flatMap((one) => one.endpoint ?? []),
  ].map((reference) => endpoint(study, reference));
  const reasons = (study.reasonCode ?? []).map(conceptLabel).filter(Boolean).join(', ');
  return html`
    <dl class="details" part="details">
      ${detailRow(m.status, m.studyStatus[study.status] ?? study.status)}
      ${detailRow(m.modality, modalities(study) || m.notRecorded)}
      ${detailRow(m.started, formatWhen(study.started) ?? m.notRecorded)}
      ${detailRow(m.seriesCount, formatNumber(series))}
      ${detailRow(m.instanceCount, formatNumber(instances))}
      ${study.description ? detailRow(m.description, study.description) : nothing}
      ${reasons ? detailRow(m.reason, reasons) : nothing}
    </dl>
    ${
      study.series?.length
        ? html`<section part="series">
            ${subheading(m.series)}
            <table class="results">
              <thead>
                <tr>
                  <th scope="col">${m.seriesNumber}</th>
                  <th scope="col">${m.modality}</th>
                  <th scope="col">${m.bodySite}</th>
                  <th scope="col">${m.description}</th>
                  <th scope="col">${m.instances}</th>
                </tr>
              </thead>
              <tbody>
                ${study.series.map(
                  (one, i) =>
                    html`<tr>
                      <th scope="row">${one.number ?? i + 1}</th>
                      <td>${codingLabel(one.modality)}</td>
                      <td>${codingLabel(one.bodySite) ?? m.notRecorded}</td>
                      <td>${one.description ?? one.instance?.[0]?.title ?? m.notRecorded}</td>
                      <td>${formatNumber(one.numberOfInstances ?? one.instance?.length ?? 0)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </section>`
        : nothing
    }
    ${
      endpoints.length
        ? html`<section part="endpoint">
            ${subheading(m.endpoint)}
            <ul class="endpoints">
              ${endpoints.map(
                (link) =>
                  html`<li>
                    ${
                      link.href
                        ? html`<a href=${link.href} target="_blank" rel="noopener noreferrer"
                            >${m.openEndpoint(link.label)}</a
                          >`
                        : m.endpointNoLink(link.label)
                    }
                  </li>`,
              )}
            </ul>
          </section>`
        : nothing
    }
  `;
}
