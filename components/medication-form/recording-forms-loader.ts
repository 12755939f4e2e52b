// The recording forms are chunks of their own: a chart's first screen does
// not evaluate them (nor their search lists) before its rows are painted. A
// host calls `loadRecordingFormsAfterPaint()` once the chart has shown, so
// that the forms and their data are fetched then, once, and are on the
// device before the network can go; `loadRecordingForms()` is what opening
// a form awaits.

let loading: Promise<unknown> | undefined;

/** Defines `<emr-allergy-form>`, `<emr-medication-form>` and the `<emr-cds-cards>` they show (once); a failed fetch is tried again on the next call. */
export function loadRecordingForms(): Promise<unknown> {
  loading ??= Promise.all([
    import('../allergy-form/emr-allergy-form.js'),
    import('./emr-medication-form.js'),
    import('../cds-cards/emr-cds-cards.js'),
  ]).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Loads the forms after the next frame is painted, unless they are loaded or loading already. */
export function loadRecordingFormsAfterPaint(): void {
  if (loading) return;
  const start = () => void loadRecordingForms().catch(() => undefined); // opening a form tries again and says so
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(start));
  else setTimeout(start);
}
