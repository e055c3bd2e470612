// Small, strict readers for untrusted JSON. BoldDesk payloads vary between endpoints and tenants, so the
// readers are lenient about optional fields (missing, null, number-as-string) but anything a model needs
// must be there: otherwise they throw ProtocolError, never a TypeError.
import * as l10n from '@vscode/l10n';
import { ProtocolError } from './errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Where a value came from, for the ProtocolError message ("GET /api/v1/tickets: result[3].ticketId"). */
export interface ParseContext {
  /** e.g. "GET /api/v1/tickets" */
  request: string;
}

export function shapeError(ctx: ParseContext, where: string, expected: string): ProtocolError {
  // `where` and `expected` are technical details (a JSON path, a type) and stay as they are.
  return new ProtocolError(
    l10n.t(
      "BoldDesk's answer to {0} did not have the expected shape ({1}: expected {2}). Check that the domain setting points at your BoldDesk site; if it does, the extension may need an update.",
      ctx.request,
      where,
      expected,
    ),
  );
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asObject(ctx: ParseContext, v: unknown, where: string): JsonObject {
  if (!isObject(v)) throw shapeError(ctx, where, 'an object');
  return v;
}

export function asArray(ctx: ParseContext, v: unknown, where: string): Json[] {
  if (!Array.isArray(v)) throw shapeError(ctx, where, 'a list');
  return v as Json[];
}

/** `{result:[…], count?}` → the list and the count when it is a number. */
export function readEnvelope(ctx: ParseContext, body: unknown): { items: Json[]; count?: number } {
  const o = asObject(ctx, body, 'body');
  const items = asArray(ctx, o.result, 'result');
  const count = typeof o.count === 'number' && Number.isFinite(o.count) ? o.count : undefined;
  return { items, count };
}

/** An integer id; numeric strings ("12") are accepted because BoldDesk mixes both. */
export function toInt(v: Json | undefined): number | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,15}$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

export function reqInt(ctx: ParseContext, o: JsonObject, keys: string[], where: string): number {
  for (const k of keys) {
    const n = toInt(o[k]);
    if (n !== undefined) return n;
  }
  throw shapeError(ctx, `${where}.${keys.join('|')}`, 'an integer id');
}

export function optInt(o: JsonObject, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const n = toInt(o[k]);
    if (n !== undefined) return n;
  }
  return undefined;
}

/** First key holding a string (empty strings count as missing when `nonEmpty`). */
export function optString(o: JsonObject, keys: string[], nonEmpty = false): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && (!nonEmpty || v.trim() !== '')) return v;
  }
  return undefined;
}

export function optBool(o: JsonObject, key: string): boolean | undefined {
  const v = o[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function optObject(o: JsonObject, key: string): JsonObject | undefined {
  const v = o[key];
  return isObject(v) ? v : undefined;
}
