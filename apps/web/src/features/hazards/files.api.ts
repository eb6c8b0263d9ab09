import { ME_KEY } from '../../shared/auth/session';
import { ApiError } from '../../shared/api/client';
import { queryClient } from '../../shared/api/query-client';
import i18n, { currentLanguage } from '../../shared/i18n';

/** What POST /api/files answers (the server's StoredFileSchema). */
export interface StoredFile {
  id: string;
  mime: string;
  size: number;
  name: string;
}

/** Accepted by POST /api/files; the server sniffs the content anyway. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

async function failure(response: Response): Promise<ApiError> {
  let body: Partial<{ code: string; message: string; details: ApiError['details']; requestId: string }> = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's page): the status alone has to do.
  }
  // The shared client's session handler is private; asking for the account again has the same effect.
  if (response.status === 401) void queryClient.invalidateQueries({ queryKey: ME_KEY });
  return new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? i18n.t(response.status >= 500 ? 'common.networkError' : 'common.unexpectedError'),
    body.details ?? [],
    body.requestId ?? response.headers.get('x-request-id'),
  );
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init, headers: { 'Accept-Language': currentLanguage(), ...init.headers } });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  if (!response.ok) throw await failure(response);
  return response;
}

/** A multipart POST with one file in the field `file` (uploads, imports); the JSON answer. */
export async function postFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(path, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
  return (await response.json()) as T;
}

export const uploadFile = (file: File) => postFile<StoredFile>('/files', file);

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

type DownloadQuery = Record<string, string | undefined>;

/**
 * Fetches a file with the session cookie and hands it to the browser as a download, so a
 * refusal (403, a bad filter) shows as a message instead of a page of JSON.
 */
export async function download(path: string, query: DownloadQuery, fallbackName: string): Promise<string> {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const search = params.toString();
  const response = await send(search ? `${path}?${search}` : path, { method: 'GET' });
  const blob = await response.blob();
  const name = filenameOf(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
