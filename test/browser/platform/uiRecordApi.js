// lightning/uiRecordApi for the browser gate: getRecord emits fixtures; writes are recorded and succeed
// unless the scenario gives an error fixture for them.
import { recordCall } from './registry.js';
import { callableAdapter, fixtureAdapter, imperativeResult, reemitAll } from './wire.js';

const ID = 'lightning/uiRecordApi';
const FAKE_ID = 'a00000000000001AAA';

export const getRecord = fixtureAdapter(`${ID}.getRecord`);
export const getRecords = fixtureAdapter(`${ID}.getRecords`);
export const getRecordCreateDefaults = fixtureAdapter(`${ID}.getRecordCreateDefaults`);

function write(name, fallback) {
  return (input) => {
    recordCall(`${ID}.${name}`, input);
    return imperativeResult(`${ID}.${name}`, input, fallback(input));
  };
}

export const updateRecord = write('updateRecord', (input) => ({ id: input?.fields?.Id, fields: {} }));
export const createRecord = write('createRecord', () => ({ id: FAKE_ID, fields: {} }));
export const deleteRecord = write('deleteRecord', () => undefined);
export const notifyRecordUpdateAvailable = (input) => {
  recordCall(`${ID}.notifyRecordUpdateAvailable`, input);
  return reemitAll();
};
export const getRecordNotifyChange = (items) => recordCall(`${ID}.getRecordNotifyChange`, items);
export const refresh = callableAdapter(`${ID}.refresh`, 'result', () => Promise.resolve());

function fieldPath(field) {
  return typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
}

function walk(record, field) {
  let node = record;
  const path = fieldPath(field);
  for (let i = 0; i < path.length; i += 1) {
    const entry = node && node.fields ? node.fields[path[i]] : undefined;
    if (entry === undefined) {
      return undefined;
    }
    if (i === path.length - 1) {
      return entry;
    }
    node = entry.value;
  }
  return undefined;
}

export function getFieldValue(record, field) {
  const entry = walk(record, field);
  return entry === undefined ? undefined : entry.value;
}

export function getFieldDisplayValue(record, field) {
  const entry = walk(record, field);
  return entry === undefined ? undefined : entry.displayValue;
}
