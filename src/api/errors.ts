// Typed errors from the BoldDesk client. Each carries a message a person can act on.
// None may ever contain the API key: messages are built from status, host and BoldDesk's own text only.

export type BoldDeskErrorKind =
  | 'auth'
  | 'permission'
  | 'notFound'
  | 'validation'
  | 'rateLimited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'protocol'
  | 'redirect'
  | 'config'
  | 'cancelled';

export interface FieldError {
  field: string;
  message: string;
  type?: string;
}

export abstract class BoldDeskError extends Error {
  abstract readonly kind: BoldDeskErrorKind;
  /** HTTP status when there was a response. */
  readonly status?: number;
  /**
   * For POST/PUT: true when the request may have reached BoldDesk although no answer came back
   * (timeout, reset mid-response). The user must check before trying again.
   */
  outcomeUnknown = false;

  constructor(message: string, status?: number) {
    super(message);
    this.name = new.target.name;
    this.status = status;
  }
}

export class AuthError extends BoldDeskError {
  readonly kind = 'auth';
}
export class PermissionError extends BoldDeskError {
  readonly kind = 'permission';
}
export class NotFoundError extends BoldDeskError {
  readonly kind = 'notFound';
}
export class ValidationError extends BoldDeskError {
  readonly kind = 'validation';
  constructor(
    message: string,
    status: number,
    readonly fieldErrors: FieldError[],
    /** BoldDesk's errorType of the first field error, e.g. NoChangeFound. */
    readonly errorTypes: string[] = [],
    /** BoldDesk's own words about what it refused (untranslated), for one-line places. */
    readonly serverWords?: string,
  ) {
    super(message, status);
  }
}
export class RateLimitError extends BoldDeskError {
  readonly kind = 'rateLimited';
  constructor(
    message: string,
    /** Epoch ms when BoldDesk will accept requests again. */
    readonly retryAt: number,
  ) {
    super(message, 429);
  }
}
export class ServerError extends BoldDeskError {
  readonly kind = 'server';
}
export class NetworkError extends BoldDeskError {
  readonly kind = 'network';
  /** Node's error code (ECONNREFUSED, ENOTFOUND, ECONNRESET…), for logs and retry decisions. */
  code?: string;
}
export class TimeoutError extends BoldDeskError {
  readonly kind = 'timeout';
}
export class ProtocolError extends BoldDeskError {
  readonly kind = 'protocol';
}
export class RedirectError extends BoldDeskError {
  readonly kind = 'redirect';
}
export class ConfigError extends BoldDeskError {
  readonly kind = 'config';
}
/** The caller aborted (its AbortSignal fired): nobody is waiting for an answer, show nothing. */
export class CancelledError extends BoldDeskError {
  readonly kind = 'cancelled';
}

export function isBoldDeskError(e: unknown): e is BoldDeskError {
  return e instanceof BoldDeskError;
}
