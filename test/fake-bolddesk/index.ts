// Entry point of the fake BoldDesk server used by tests, the demo and benchmarks. A real node:http server on
// 127.0.0.1 that follows docs/BOLDDESK-API.md (and its dialects.ts for what BoldDesk leaves open); see types.ts for the contract and control.ts for /__fake/.
import { FakeServer } from './server';
import type { FakeBoldDesk, FakeOptions } from './types';

export type { FakeAgent, FakeBoldDesk, FakeKey, FakeOptions, Fault, FaultRule, RecordedRequest } from './types';
export type { FakeDb, FakeUser } from './db';
export type { FakeTicket, FakeMessage, FakeContact, FakeView, MessageKind } from './model';
export { MESSAGE_TYPE_ID } from './model';
export { DIALECTS, parseDialects, type Dialect } from './dialects';
export { sequentialRoundTrips } from './roundTrips';

export async function startFakeBoldDesk(opts: FakeOptions = {}): Promise<FakeBoldDesk> {
  const server = new FakeServer(opts);
  await server.listen(opts.port ?? 0);
  return server;
}
