// The rows of the fault matrix: every failure the fake BoldDesk can produce, how to switch it on for one kind of
// request and off again, and what a person must be told about it. Used by reliabilityMatrix.test.ts.
import type { Fault, FakeBoldDesk } from '../../fake-bolddesk';
import { fixture } from '../fixture';
import { startListening, stopListening } from './reliabilitySupport';

/** Which requests an action makes (the fault hits only those). */
export interface Target {
  method: string;
  path: RegExp;
}

export interface FaultCase {
  id: string;
  /** Row title in docs/RELIABILITY.md. */
  name: string;
  arm(fake: FakeBoldDesk, target: Target): Promise<void> | void;
  disarm(fake: FakeBoldDesk): Promise<void> | void;
  /** The one-line tree label must match this. */
  short: RegExp;
  /** A full sentence (panel, definite write failure) must match this. */
  long: RegExp;
  /** A POST/PUT that met this fault may have reached BoldDesk: the user must be told to check. */
  unknownOutcome: boolean;
  /** Ticket lists try again by themselves once BoldDesk allows it (no Refresh needed). */
  selfHealing?: boolean;
  /** The request never reaches the server (refused): the fake records nothing. */
  neverArrives?: boolean;
  /** A 2xx with an unexpected body to update_fields is accepted; the re-read of the ticket decides what is said. */
  putSucceeds?: boolean;
}

function ruled(fault: Fault): Pick<FaultCase, 'arm' | 'disarm'> {
  return {
    arm: (fake, t) => fake.addFault({ fault, method: t.method, path: t.path }),
    disarm: (fake) => fake.clearFaults(),
  };
}

const VALIDATION_BODY = {
  message: 'Validation Failed',
  statusCode: 400,
  errors: [{ field: 'subject', errorMessage: 'This field is required.', errorType: 'FieldRequired' }],
};

let listening = true;

export const FAULTS: FaultCase[] = [
  {
    id: 'revoked',
    name: '401 — key revoked mid-session',
    arm: (fake) => fake.revokeKey(fixture().key),
    disarm: (fake) => fake.restoreKey(fixture().key),
    short: /^API key rejected — Set API Key…$/,
    long: /rejected the API key.*Set API Key/,
    unknownOutcome: false,
  },
  { id: 'forbidden', name: '403 — no permission', ...ruled({ type: 'status', status: 403 }), short: /No permission/, long: /denied access.*ask a BoldDesk admin/, unknownOutcome: false },
  { id: 'notFound', name: '404 — ticket deleted while open', ...ruled({ type: 'status', status: 404 }), short: /Not found in BoldDesk — try Refresh/, long: /was not found in BoldDesk.*deleted/, unknownOutcome: false },
  {
    id: 'validation',
    name: '400 — validation with field errors',
    ...ruled({ type: 'status', status: 400, body: VALIDATION_BODY }),
    short: /refused the request — subject: This field is required/,
    long: /did not accept the request: subject: This field is required/,
    unknownOutcome: false,
  },
  {
    id: 'rateLimitRetryAfter',
    name: '429 — with Retry-After',
    ...ruled({ type: 'rateLimit', retryAfterSeconds: 1 }),
    short: /^Rate limited — (retrying in \d+ s|try Refresh)$/,
    long: /rate limit.*try again/,
    unknownOutcome: false,
    selfHealing: true,
  },
  {
    id: 'rateLimitResetOnly',
    name: '429 — only x-rate-limit-reset',
    ...ruled({ type: 'rateLimit', retryAfterSeconds: 1, omitRetryAfter: true }),
    short: /^Rate limited — (retrying in \d+ s|try Refresh)$/,
    long: /rate limit.*try again/,
    unknownOutcome: false,
    selfHealing: true,
  },
  { id: 'server500', name: '500 — server error', ...ruled({ type: 'status', status: 500 }), short: /^BoldDesk error \(500\) — try Refresh$/, long: /HTTP 500/, unknownOutcome: true },
  { id: 'server503', name: '503 — unavailable', ...ruled({ type: 'status', status: 503 }), short: /^BoldDesk error \(503\) — try Refresh$/, long: /HTTP 503/, unknownOutcome: false },
  {
    id: 'stall',
    name: '30 s stall (client timeout 3 s)',
    ...ruled({ type: 'stall', ms: 30000 }),
    short: /did not answer — try Refresh$/,
    long: /did not answer within/,
    unknownOutcome: true,
  },
  {
    id: 'refused',
    name: 'connection refused (fake closed)',
    arm: async (fake) => {
      listening = false;
      await stopListening(fake);
    },
    disarm: async (fake) => {
      if (listening) return;
      await startListening(fake);
      listening = true;
    },
    short: /^Can't reach /,
    long: /Can't reach .*connection was refused/,
    unknownOutcome: false,
    neverArrives: true,
  },
  { id: 'down', name: 'connection closed before any answer (`down`)', ...ruled({ type: 'down' }), short: /^Can't reach /, long: /cut off before BoldDesk answered/, unknownOutcome: true },
  { id: 'resetMidBody', name: 'connection reset mid-body', ...ruled({ type: 'reset', afterHeaders: true }), short: /^Can't reach /, long: /cut off before BoldDesk answered/, unknownOutcome: true },
  { id: 'malformedJson', name: 'malformed JSON', ...ruled({ type: 'malformedJson' }), short: /^Unexpected answer from .* — check the domain$/, long: /not valid JSON/, unknownOutcome: true },
  { id: 'hugeBody', name: '20 MB body', ...ruled({ type: 'hugeBody', bytes: 20 * 1024 * 1024 }), short: /^Unexpected answer from .* — check the domain$/, long: /larger than 10 MB/, unknownOutcome: true },
  {
    id: 'wrongShape',
    name: 'wrong shape (`{"result":"oops"}`)',
    ...ruled({ type: 'wrongShape' }),
    short: /^Unexpected answer from .* — check the domain$/,
    long: /expected shape/,
    unknownOutcome: true,
    putSucceeds: true,
  },
];

/** Undo whatever a failed test may have left switched on. */
export async function disarmAll(fake: FakeBoldDesk): Promise<void> {
  for (const f of FAULTS) await f.disarm(fake);
}
