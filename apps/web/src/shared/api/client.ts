import type { ApiErrorDetail } from '@anjian/domain';
import type { z } from 'zod';
import i18n, { currentLanguage } from '../i18n';
import { takeEarly } from './early';
import { stripFieldPath } from './server-errors';

/** A failed API call: the server's error body, or a synthetic one when the network failed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The message to show for any error: the server's localised text when there is one, without internal paths. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return stripFieldPath(error.message);
  return i18n.t('common.unexpectedError');
}

type SessionLostHandler = (code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED') => void;
let onSessionLost: SessionLostHandler = () => {};

/** The auth layer registers what happens when the server says the session is gone. */
export function setSessionLostHandler(handler: SessionLostHandler) {
  onSessionLost = handler;
}

let onPasswordChangeRequired: () => void = () => {};

/** …and when it says the session holds a temporary password (the signed-in layout then asks for a new one). */
export function setPasswordChangeRequiredHandler(handler: () => void) {
  onPasswordChangeRequired = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  /** Parses the response with the shared contract, so drift shows up as an error, not as odd UI. */
  schema?: z.ZodType<T>;
  /** Login and the initial session probe handle 401 themselves. */
  ignoreSessionLoss?: boolean;
}

function buildUrl(path: string, query?: Query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/api${path}?${search}` : `/api${path}`;
}

export async function request<T = void>(method: string, path: string, options: RequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': currentLanguage(), Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const url = buildUrl(path, options.query);
  let response: Response;
  try {
    const early = method === 'GET' ? takeEarly(url) : undefined;
    response = await (early ?? fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }));
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const body = (payload ?? {}) as Partial<{ code: string; message: string; details: ApiErrorDetail[]; requestId: string }>;
    const error = new ApiError(
      response.status,
      body.code ?? `HTTP_${response.status}`,
      body.message ?? (response.status >= 500 || response.status === 0 ? i18n.t('common.networkError') : i18n.t('common.unexpectedError')),
      body.details ?? [],
      body.requestId ?? response.headers.get('x-request-id'),
    );
    if (response.status === 401 && !options.ignoreSessionLoss && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
      onSessionLost(error.code);
    }
    if (response.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
    throw error;
  }
  if (options.schema) return options.schema.parse(payload);
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions<T>) => request<T>('GET', path, options),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions<T>) => request<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T = void>(path: string, body?: unknown, options?: RequestOptions<T>) => request<T>('PUT', path, { ...options, body: body ?? {} }),
  patch: <T = void>(path: string, body?: unknown, options?: RequestOptions<T>) => request<T>('PATCH', path, { ...options, body: body ?? {} }),
  delete: <T = void>(path: string, options?: RequestOptions<T>) => request<T>('DELETE', path, options),
};
