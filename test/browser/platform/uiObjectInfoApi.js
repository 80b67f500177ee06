// lightning/uiObjectInfoApi for the browser gate.
import { fixtureAdapter } from './wire.js';

const ID = 'lightning/uiObjectInfoApi';
export const getObjectInfo = fixtureAdapter(`${ID}.getObjectInfo`);
export const getObjectInfos = fixtureAdapter(`${ID}.getObjectInfos`);
export const getPicklistValues = fixtureAdapter(`${ID}.getPicklistValues`);
export const getPicklistValuesByRecordType = fixtureAdapter(`${ID}.getPicklistValuesByRecordType`);
