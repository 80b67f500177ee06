// Module declarations for the platform modules that @salesforce/lightning-types does not type.
// One place for all of them: components import these names exactly as on the platform.

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/apex/*' {
  const apexMethod: (params?: Record<string, unknown>) => Promise<any>;
  export default apexMethod;
}

declare module '@salesforce/apex' {
  export function refreshApex(value: unknown): Promise<void>;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '@salesforce/i18n/lang' {
  const lang: string;
  export default lang;
}

declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}

declare module '@salesforce/schema/*' {
  const fieldOrObject: { fieldApiName: string; objectApiName: string } | { objectApiName: string };
  export default fieldOrObject;
}

declare module 'lightning/uiRecordApi' {
  export function getRecord(config: unknown): unknown;
  export function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<unknown>;
  export function createRecord(recordInput: {
    apiName: string;
    fields: Record<string, unknown>;
  }): Promise<{ id: string }>;
  export function deleteRecord(recordId: string): Promise<void>;
  export function getFieldValue(record: unknown, field: unknown): unknown;
  export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}

declare module 'lightning/uiObjectInfoApi' {
  export function getObjectInfo(config: unknown): unknown;
  export function getObjectInfos(config: unknown): unknown;
  export function getPicklistValues(config: unknown): unknown;
}

declare module 'lightning/graphql' {
  export function gql(strings: TemplateStringsArray, ...values: unknown[]): unknown;
  export function graphql(config: unknown): unknown;
  export function refreshGraphQL(result: unknown): Promise<unknown>;
}

declare module 'lightning/navigation' {
  export const NavigationMixin: {
    <T extends new (...args: any[]) => object>(base: T): T;
    readonly Navigate: unique symbol;
    readonly GenerateUrl: unique symbol;
  };
  export const CurrentPageReference: unknown;
}

declare module 'lightning/platformShowToastEvent' {
  export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(init: {
      title?: string;
      message?: string;
      variant?: 'info' | 'success' | 'warning' | 'error';
      mode?: string;
    });
  }
}

declare module 'lightning/refresh' {
  export class RefreshEvent extends CustomEvent<unknown> {
    constructor();
  }
}
