import { ApiError, type Query } from '../../shared/api/client';
import i18n, { currentLanguage } from '../../shared/i18n';

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** RFC 6266 filename*=UTF-8''…, which the server uses for Chinese names; else the fallback. */
function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads a file the server builds (the .xlsx exports). Through fetch rather than a plain
 * link, so a refusal shows as a message instead of a page of JSON.
 */
export async function downloadFromApi(path: string, query: Query, fallbackName: string): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}?${params.toString()}`, { credentials: 'same-origin', headers: { 'Accept-Language': currentLanguage() } });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<{ code: string; message: string; requestId: string }>;
    throw new ApiError(response.status, body.code ?? `HTTP_${response.status}`, body.message ?? i18n.t('common.unexpectedError'), [], body.requestId ?? null);
  }
  save(await response.blob(), filenameOf(response.headers.get('content-disposition'), fallbackName));
}

export type CsvCell = string | number | null | undefined;

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in Excel; numbers and "+33.3%" are left as they are.
  const safe = /^[=+\-@]/.test(text) && !/^[+-]?\d+(\.\d+)?%?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV that Excel opens with the Chinese intact (UTF-8 with a byte-order mark), for figures
 * the server has no .xlsx export for yet.
 */
export function downloadCsv(filename: string, rows: CsvCell[][]): void {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  save(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), filename);
}
