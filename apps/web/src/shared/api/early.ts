/*
 * GET requests started before the application's code is evaluated (preload-route.ts), so their
 * answers travel while React boots. request() takes each one once, for the same URL, and then
 * treats it exactly like a request it sent itself; anything not taken is simply never used.
 * No imports: this module is evaluated first.
 */
const started = new Map<string, Promise<Response>>();

export function fetchEarly(url: string): Promise<Response> {
  const response = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  started.set(url, response);
  return response;
}

export function takeEarly(url: string): Promise<Response> | undefined {
  const response = started.get(url);
  started.delete(url);
  return response;
}
