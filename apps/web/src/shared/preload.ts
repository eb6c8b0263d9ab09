/** A chunk that can be fetched before its first render, and rendered without suspending once it has arrived. */
export interface Preloadable<T> {
  /** Starts fetching (once); later calls return the same promise. */
  start(): Promise<T>;
  /** For React.lazy. */
  factory(): Promise<T>;
}

export function preloadable<T>(load: () => Promise<T>): Preloadable<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  const start = () =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = undefined; // a failed chunk fetch is tried again on the next render
        throw error;
      },
    ));
  return {
    start,
    // React.lazy suspends on any promise, even a settled one, and React then holds the content
    // back for up to 300 ms (its fallback throttle) — once per nested boundary. A chunk that has
    // already arrived is handed over synchronously instead, through a thenable React resolves at once.
    factory: () => (loaded !== undefined ? ({ then: (resolve: (m: T) => void) => resolve(loaded as T) } as unknown as Promise<T>) : start()),
  };
}
