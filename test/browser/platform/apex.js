// @salesforce/apex/<Class>.<method>: both an @wire adapter and an imperative function.
import { recordCall } from './registry.js';
import { callableAdapter, imperativeResult, reemitAll } from './wire.js';

export function apexMethod(name) {
  const id = `@salesforce/apex/${name}`;
  return callableAdapter(id, 'result', (params) => {
    recordCall(id, params);
    return imperativeResult(id, params, undefined);
  });
}

// @salesforce/apex
export function refreshApex(value) {
  recordCall('@salesforce/apex.refreshApex', null);
  return reemitAll().then(() => value);
}
