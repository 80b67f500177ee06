// Module declarations for the platform modules that @salesforce/lightning-types does not type.
// One place for all of them: components import these names exactly as on the platform.

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/apex/*' {
  // Callable imperatively and usable with @wire.
  const apexMethod: ((params?: Record<string, unknown>) => Promise<any>) &
    import('lwc').WireAdapterConstructor<any, any, any>;
  export default apexMethod;
}

declare module '@salesforce/apex' {
  export function refreshApex(value: unknown): Promise<void>;
}

declare module '@salesforce/user/Id' {
  const userId: string;
  export default userId;
}

declare module '@salesforce/customPermission/*' {
  // True when the running user holds the custom permission (a display hint: Apex enforces access).
  const granted: boolean;
  export default granted;
}

declare module '@salesforce/i18n/lang' {
  const lang: string;
  export default lang;
}

declare module '@salesforce/i18n/locale' {
  const locale: string;
  export default locale;
}

declare module '@salesforce/i18n/timeZone' {
  const timeZone: string;
  export default timeZone;
}

declare module '@salesforce/schema/*' {
  const fieldOrObject: { fieldApiName: string; objectApiName: string } | { objectApiName: string };
  export default fieldOrObject;
}

declare module 'lightning/uiRecordApi' {
  export const getRecord: import('lwc').WireAdapterConstructor<any, any, any>;
  export const getRecords: import('lwc').WireAdapterConstructor<any, any, any>;
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
  export const getObjectInfo: import('lwc').WireAdapterConstructor<any, any, any>;
  export const getObjectInfos: import('lwc').WireAdapterConstructor<any, any, any>;
  export const getPicklistValues: import('lwc').WireAdapterConstructor<any, any, any>;
}

declare module 'lightning/graphql' {
  export function gql(strings: TemplateStringsArray, ...values: unknown[]): unknown;
  export const graphql: import('lwc').WireAdapterConstructor<any, any, any>;
  export function refreshGraphQL(result: unknown): Promise<unknown>;
}

declare module 'lightning/navigation' {
  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }
  interface NavigationMixinMembers {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }
  export const NavigationMixin: {
    <T extends new (...args: any[]) => object>(base: T): T & (new (...args: any[]) => NavigationMixinMembers);
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };
  export const CurrentPageReference: import('lwc').WireAdapterConstructor<any, any, any>;
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
