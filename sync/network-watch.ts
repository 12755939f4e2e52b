// The browser's own word on the network: while it says offline, no attempts
// are made (Chromium does not always close an open socket when the network
// goes); when it says online again, reconnect at once instead of waiting out
// y-websocket's backoff. Nothing happens where there is no window (Node).

export interface NetworkWatch {
  readonly offline: boolean;
  stop(): void;
}

export function watchNetwork(onChange: (offline: boolean) => void): NetworkWatch {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>> & {
    navigator?: Navigator;
  };
  const watch = { offline: target.navigator?.onLine === false, stop: () => {} };
  if (!target.addEventListener || !target.removeEventListener) return watch;
  const offline = () => {
    watch.offline = true;
    onChange(true);
  };
  const online = () => {
    watch.offline = false;
    onChange(false);
  };
  target.addEventListener('offline', offline);
  target.addEventListener('online', online);
  watch.stop = () => {
    target.removeEventListener!('offline', offline);
    target.removeEventListener!('online', online);
  };
  return watch;
}
