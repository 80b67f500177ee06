// The loopback Salesforce API simulator (tests and benchmark only).
export { SalesforceSimulator, startSimulator, API_VERSION } from './server';
export type { CallKind, CallRecord, Fault, FaultRule, RecordFailure, SimulatorOptions } from './server';
export { buildSeed, WIDE_OBJECT } from './seed';
export type { Seed, SeedOptions } from './seed';
export { makeId, toId18 } from './model';
export type { SimObject, SimRecord, SimField } from './model';
