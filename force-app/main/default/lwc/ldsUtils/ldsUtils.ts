// Shared error-reducing helper (after lwc-recipes ldsUtils.reduceErrors): turns whatever a wire
// adapter, an imperative Apex call, a UI API call or JavaScript throws into readable messages.

/** A body as returned by the UI API, Apex or a DML failure; every part is optional. */
interface ErrorBody {
  message?: string;
  pageErrors?: Array<{ message?: string }>;
  fieldErrors?: Record<string, Array<{ message?: string }>>;
  output?: {
    errors?: Array<{ message?: string }>;
    fieldErrors?: Record<string, Array<{ message?: string }>>;
  };
}

/** One error as it reaches a component: a fetch response, an Error, a plain object or a string. */
export type LdsError =
  | string
  | Error
  | { body?: ErrorBody | ErrorBody[] | null; message?: string; statusText?: string }
  | null
  | undefined;

function messagesOf(items: Array<{ message?: string }> | undefined): string[] {
  return (items ?? []).map((item) => item.message).filter((m): m is string => typeof m === 'string');
}

function fieldMessages(fieldErrors: Record<string, Array<{ message?: string }>> | undefined): string[] {
  return Object.values(fieldErrors ?? {}).flatMap((errors) => messagesOf(errors));
}

function messagesOfBody(body: ErrorBody): string[] {
  const messages = [
    ...messagesOf(body.pageErrors),
    ...fieldMessages(body.fieldErrors),
    ...messagesOf(body.output?.errors),
    ...fieldMessages(body.output?.fieldErrors)
  ];
  if (messages.length === 0 && typeof body.message === 'string') {
    messages.push(body.message);
  }
  return messages;
}

function messagesOfError(error: LdsError): string[] {
  if (error === null || error === undefined) {
    return [];
  }
  if (typeof error === 'string') {
    return [error];
  }
  if (error instanceof Error) {
    return error.message ? [error.message] : [];
  }
  const { body } = error;
  if (Array.isArray(body)) {
    return body.flatMap((item) => messagesOfBody(item));
  }
  if (body) {
    const fromBody = messagesOfBody(body);
    if (fromBody.length > 0) {
      return fromBody;
    }
  }
  if (typeof error.message === 'string' && error.message) {
    return [error.message];
  }
  if (typeof error.statusText === 'string' && error.statusText) {
    return [error.statusText];
  }
  return [];
}

/**
 * Reduces one or more errors to a list of distinct, non-empty messages.
 * @param errors an error or an array of errors (from a wire adapter, Apex, the UI API or JavaScript)
 * @returns the messages, in order, without duplicates; empty when nothing readable was found
 */
export function reduceErrors(errors: LdsError | LdsError[]): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.flatMap((error) => messagesOfError(error)).filter((m) => m.trim() !== '');
  return [...new Set(messages)];
}

/** The part of a UI API object info (getObjectInfo) that says what the running user may write. */
export interface ObjectAccessInfo {
  createable?: boolean;
  updateable?: boolean;
  fields?: Record<string, { createable?: boolean; updateable?: boolean } | undefined>;
}

/**
 * Whether the running user may create a record with these fields (object and field-level security, from
 * getObjectInfo). False while the object info loads or when it failed: a button is shown only when it works.
 * @param info the data of a getObjectInfo wire, or undefined
 * @param fields API names of the fields the action sets
 */
export function canCreate(info: ObjectAccessInfo | undefined, fields: readonly string[]): boolean {
  return Boolean(info?.createable) && fields.every((f) => info?.fields?.[f]?.createable === true);
}

/**
 * Whether the running user may edit these fields of the object's records (see canCreate).
 * @param info the data of a getObjectInfo wire, or undefined
 * @param fields API names of the fields the action sets
 */
export function canUpdate(info: ObjectAccessInfo | undefined, fields: readonly string[]): boolean {
  return Boolean(info?.updateable) && fields.every((f) => info?.fields?.[f]?.updateable === true);
}

/**
 * What a component shows for one wire (Apex or LDS): loading until the first data or error, then the
 * data, or the error for c-error-panel. Immutable: assign the result of wireState to a field, so the
 * component re-renders (LWC tracks a field's reassignment, not a plain object's mutation).
 */
export interface WireState<T> {
  /** The last data received; kept when a later refresh fails. */
  readonly data?: T;
  /** The error of the last response, or undefined after data. */
  readonly error?: LdsError;
  /** true until the first response, and again after reloading() (a retry). */
  readonly isLoading: boolean;
  /** true when the last response was an error. */
  readonly hasError: boolean;
  /** true when the last response was data (not undefined or null). */
  readonly hasData: boolean;
}

/** The state before the first response, and while a retry reloads. */
export function reloading<T>(): WireState<T> {
  return { isLoading: true, hasError: false, hasData: false };
}

/**
 * The state after a wire's response. The first call of a wire (both data and error undefined, before any
 * response) and empty responses leave the state as it was.
 * @param result what the wire function received: `{ data }` or `{ error }`
 * @param previous the state before it (reloading() at first)
 * @returns the new state
 */
export function wireState<T>(
  result: { data?: T | null; error?: unknown } | undefined,
  previous: WireState<T>
): WireState<T> {
  if (result?.data !== undefined && result.data !== null) {
    return { data: result.data, isLoading: false, hasError: false, hasData: true };
  }
  if (result?.error !== undefined && result.error !== null) {
    return {
      data: previous.data,
      error: result.error as LdsError,
      isLoading: false,
      hasError: true,
      hasData: false
    };
  }
  return previous;
}
