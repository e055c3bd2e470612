// Shared HTTP pieces: the reply type handlers return, BoldDesk's error envelopes, case-insensitive query params.
import type { FakeDb } from './db';
import type { Dialect } from './dialects';
import type { FakeAgentRecord } from './model';

export interface FieldError {
  field: string;
  errorMessage: string;
  errorType: string;
}

export interface ErrorEnvelope {
  message: string;
  statusCode: number;
  errors: FieldError[];
}

/** What a handler answers; the server adds the JSON content type and rate-limit headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function envelope(statusCode: number, message: string, errors: FieldError[]): ErrorEnvelope {
  return { message, statusCode, errors };
}

/** The documented 401 body for a bad, missing or revoked key (docs/BOLDDESK-API.md, "Errors"). */
export const UNAUTHORIZED_BODY: ErrorEnvelope = envelope(401, 'Unauthorized', [{ field: 'User', errorMessage: 'Unauthorized', errorType: 'Unauthorized' }]);

/** The 429 body (inferred from BoldDesk's rate-limit middleware; docs/BOLDDESK-API.md, "Rate limits"). */
export const RATE_LIMITED_BODY: ErrorEnvelope = envelope(429, 'API calls quota exceeded', [{ field: '', errorMessage: 'API calls quota exceeded', errorType: 'APICallQuotaExceeded' }]);

/** The documented envelope for a status, used by status faults without a body and by the router. */
export function defaultErrorBody(status: number): ErrorEnvelope {
  const simple = (message: string, errorType: string, field = '') => envelope(status, message, [{ field, errorMessage: message, errorType }]);
  switch (status) {
    case 400: return envelope(400, 'Validation Failed', [{ field: '', errorMessage: 'Invalid request.', errorType: 'InvalidValue' }]);
    case 401: return UNAUTHORIZED_BODY;
    case 403: return simple('Access Denied', 'AccessDenied');
    case 404: return simple('Not Found', 'NotFound');
    case 405: return simple('Method Not Allowed', 'MethodNotAllowed');
    case 415: return simple('Unsupported Media Type', 'UnsupportedMediaType');
    case 429: return RATE_LIMITED_BODY;
    case 500: return simple('Unable to process your request. Please try again later', 'UnknownError');
    default: return simple(status >= 500 ? 'Service Unavailable' : 'Request failed', 'UnknownError');
  }
}

export function validation(errors: FieldError | FieldError[], message = 'Validation Failed'): Reply {
  return { status: 400, body: envelope(400, message, Array.isArray(errors) ? errors : [errors]) };
}

export function required(field: string): FieldError {
  return { field, errorMessage: 'This field is required.', errorType: 'FieldRequired' };
}

export function invalid(field: string, errorMessage: string, errorType = 'InvalidValue'): FieldError {
  return { field, errorMessage, errorType };
}

export function notFound(what = 'Not Found'): Reply {
  return { status: 404, body: envelope(404, what, [{ field: '', errorMessage: what, errorType: 'NotFound' }]) };
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** Query string with ASP.NET-style case-insensitive names; repeated names (`Q`) keep every value. */
export class QueryParams {
  private readonly byName = new Map<string, string[]>();

  constructor(readonly raw: URLSearchParams) {
    for (const [name, value] of raw) {
      const key = name.toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(value);
      else this.byName.set(key, [value]);
    }
  }

  get(name: string): string | undefined {
    return this.byName.get(name.toLowerCase())?.[0];
  }

  all(name: string): string[] {
    return this.byName.get(name.toLowerCase()) ?? [];
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.get(name);
    if (v === undefined || v === '') return fallback;
    return v.toLowerCase() === 'true';
  }

  /** Original names as sent, for the request log. */
  record(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, value] of this.raw) (out[name] ??= []).push(value);
    return out;
  }
}

/** Everything a route handler needs. `owner` is the agent who owns the request's key. */
export interface RequestContext {
  db: FakeDb;
  owner: FakeAgentRecord;
  method: string;
  path: string;
  query: QueryParams;
  body: unknown;
  baseUrl: string;
  now(): number;
  /** The dialects in force (dialects.ts); empty = the default guesses. */
  dialects: ReadonlySet<Dialect>;
}

export type Handler = (ctx: RequestContext, params: string[]) => Reply;

/** BoldDesk dates: ISO-8601 UTC without milliseconds, e.g. 2025-12-12T13:15:07Z. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A JSON object body, or undefined. */
export function bodyObject(body: unknown): Record<string, unknown> | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** Case-insensitive property lookup (ASP.NET binds JSON bodies case-insensitively too). */
export function prop(obj: Record<string, unknown>, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}

/** An id given as a number or a numeric string (ASP.NET accepts both); null/undefined/'' → undefined; else NaN. */
export function idValue(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? v : NaN;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return NaN;
}
