// The recording form, a chunk of its own: a grid that shows sets does not
// evaluate it before its rows are on screen. It is fetched right after they
// are painted, so that it is on the device before the network can go, or
// when the form is first opened, whichever comes first.

let loading: Promise<unknown> | undefined;

/** Defines `<emr-vitals-form>` (once); a failed fetch is tried again on the next call. */
export function loadVitalsForm(): Promise<unknown> {
  loading ??= import('../vitals-form/emr-vitals-form.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Loads the form after the next frame is painted, unless it is loaded or loading already. */
export function loadVitalsFormAfterPaint(): void {
  if (loading) return;
  const start = () => void loadVitalsForm().catch(() => undefined); // opening the form tries again and says so
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(start));
  else setTimeout(start);
}
