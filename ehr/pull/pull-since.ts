import type { SearchPage } from './search-pages.js';

/** The Date header is whole seconds and sent after the search ran: a change in between must not be missed. */
const DATE_HEADER_MARGIN_MS = 2000;

/**
 * When the server ran a search, by its own clock (never the device's, which
 * may be off): the searchset's `meta.lastUpdated`, else its Date header (in
 * Node; a browser sees it only where the server exposes it), else the newest
 * `meta.lastUpdated` among the records (everything changed before the search
 * ran is in its answer). Undefined when the answer says none of these: the
 * next pull of the type then asks for all of it again.
 */
export function searchTime(
  page: Pick<SearchPage, 'searchedAt' | 'serverTime' | 'matches'>,
): string | undefined {
  if (page.searchedAt && !Number.isNaN(Date.parse(page.searchedAt))) return page.searchedAt;
  if (page.serverTime)
    return new Date(Date.parse(page.serverTime) - DATE_HEADER_MARGIN_MS).toISOString();
  let newest: string | undefined;
  let newestAt = -Infinity;
  for (const record of page.matches) {
    const at = Date.parse(
      String((record.meta as { lastUpdated?: unknown } | undefined)?.lastUpdated),
    );
    if (at > newestAt) [newest, newestAt] = [new Date(at).toISOString(), at];
  }
  return newest;
}
