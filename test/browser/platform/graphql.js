// lightning/graphql for the browser gate: the graphql adapter emits `{ data, errors }` fixtures.
import { recordCall } from './registry.js';
import { fixtureAdapter, reemitAll } from './wire.js';

export const graphql = fixtureAdapter('lightning/graphql.graphql', 'graphql');

export function gql(strings, ...values) {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
}

export function refreshGraphQL(result) {
  recordCall('lightning/graphql.refreshGraphQL', null);
  return reemitAll().then(() => result);
}
