// The loopback Salesforce API simulator (tests and benchmark only).
export { SalesforceSimulator, startSimulator } from './server';
export { WIDE_OBJECT } from './seed';
export { makeId } from './model';
