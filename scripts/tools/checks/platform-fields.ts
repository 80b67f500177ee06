// What the platform says about field-level security of standard fields, for the personas check.
//
// A permission set can list a field in <fieldPermissions> only when the field is "permissionable"
// (FieldDefinition / describe: `permissionable`). Fields that are not permissionable are always readable
// by a user who can read the object, and listing one fails the deploy ("field is not permissionable" /
// "You cannot deploy to a required field"). Sources: the FieldPermissions object reference ("Field: the
// field's API name", only permissionable fields), and permission sets retrieved from orgs, which list
// `Account.BillingAddress` (never BillingCity) and no required field (Opportunity.StageName, CloseDate,
// Lead.Company, LastName, Status), no system field (OwnerId, CreatedDate…) and no RecordTypeId.

/** Always readable with the object; never listed in fieldPermissions (system and audit fields). */
const SYSTEM_FIELDS = [
  'Id',
  'Name',
  'OwnerId',
  'CreatedById',
  'CreatedDate',
  'LastModifiedById',
  'LastModifiedDate',
  'SystemModstamp',
  'IsDeleted',
  'RecordTypeId',
  'LastActivityDate',
  'LastViewedDate',
  'LastReferencedDate',
  'MasterRecordId'
];

/** Required standard fields (and fields derived from them), per object: not permissionable either. */
const REQUIRED_STANDARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Account: [],
  Contact: ['LastName'],
  Lead: ['LastName', 'Company', 'Status', 'IsConverted'],
  Opportunity: ['StageName', 'CloseDate', 'IsClosed', 'IsWon'],
  Task: ['Status', 'Priority', 'IsClosed'],
  Event: ['DurationInMinutes', 'ActivityDateTime', 'ActivityDate', 'IsAllDayEvent']
};

/** Address components are secured through their compound field (Account.BillingCity → BillingAddress). */
const ADDRESS_PREFIXES = ['Billing', 'Shipping', 'Mailing', 'Other', ''];
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country', 'StateCode', 'CountryCode'];

/**
 * The field named in fieldPermissions for a standard field: its compound address field for an address
 * component, the field itself otherwise.
 * @param object standard object API name, e.g. Account
 * @param field field API name, e.g. BillingCity
 * @returns e.g. BillingAddress
 */
export function permissionField(object: string, field: string): string {
  for (const prefix of ADDRESS_PREFIXES) {
    if (prefix === '' && object !== 'Lead') continue;
    for (const part of ADDRESS_PARTS) {
      if (field === `${prefix}${part}`) return `${prefix}Address`;
    }
  }
  return field;
}

/**
 * Whether a standard field is outside field-level security: readable by anyone who reads the object,
 * editable by anyone who may create/edit it, and refused by the deploy in fieldPermissions.
 * @param object standard object API name
 * @param field field API name (an address component counts as its compound field)
 */
export function isAlwaysAccessibleStandardField(object: string, field: string): boolean {
  return SYSTEM_FIELDS.includes(field) || (REQUIRED_STANDARD_FIELDS[object] ?? []).includes(field);
}

/** Standard objects whose access the package's permission sets do not grant (profiles and parents do). */
export const ACTIVITY_OBJECTS = ['Task', 'Event'];

/**
 * Fields the sync reads on every measured object besides the rule fields (scripts/sync/engine/measure.ts:
 * owner, record type, stage/status, created/modified by and date; Task and Event for activity).
 */
export const SYNC_FIXED_READS: Readonly<Record<string, readonly string[]>> = {
  Account: ['OwnerId', 'RecordTypeId', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate'],
  Contact: ['OwnerId', 'RecordTypeId', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate'],
  Lead: [
    'OwnerId',
    'RecordTypeId',
    'Status',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate'
  ],
  Opportunity: [
    'OwnerId',
    'RecordTypeId',
    'StageName',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate'
  ],
  Task: ['CreatedById', 'CreatedDate'],
  Event: ['CreatedById', 'CreatedDate'],
  Key_User__c: ['User__c'],
  Sponsor_Message__c: ['Sponsor__c', 'Publish_From__c']
};
