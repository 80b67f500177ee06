// A tiny SOQL subset: enough for what the sync sends, strict enough to reject what Salesforce rejects.
//   SELECT field[, field | Rel.Field]* FROM Object [WHERE cond] [ORDER BY field [ASC|DESC]] [LIMIT n] [OFFSET n]
//   cond := term ((AND | OR) term)*; term := NOT term | '(' cond ')' | field op literal | field [NOT] IN (literal, ...)
//   literal := 'string' | number | true | false | null | YYYY-MM-DD | YYYY-MM-DDThh:mm:ss(.sss)?(Z|±hh:mm)
// Aggregates (COUNT()), GROUP BY and TYPEOF are parsed only far enough to be reported, because Bulk API 2.0 refuses
// them (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm).

export type Literal = string | number | boolean | null;

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; inner: Condition }
  | { kind: 'cmp'; field: string; op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE'; value: Literal }
  | { kind: 'in'; field: string; negated: boolean; values: Literal[] };

export interface SoqlQuery {
  fields: string[];
  object: string;
  where?: Condition;
  orderBy?: { field: string; descending: boolean };
  limit?: number;
  offset?: number;
  /** Set when the query uses something Bulk API 2.0 does not support. */
  unsupportedInBulk?: string;
  isCount: boolean;
}

export class SoqlError extends Error {
  constructor(
    message: string,
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' = 'MALFORMED_QUERY'
  ) {
    super(message);
  }
}

type Token = { type: 'word' | 'string' | 'number' | 'op' | 'punct'; value: string };

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const c = soql.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      while (i < soql.length && soql.charAt(i) !== "'") {
        if (soql.charAt(i) === '\\') {
          i++;
        }
        value += soql.charAt(i);
        i++;
      }
      if (i >= soql.length) {
        throw new SoqlError('unterminated string literal');
      }
      i++;
      tokens.push({ type: 'string', value });
    } else if (c === ',' || c === '(' || c === ')') {
      tokens.push({ type: 'punct', value: c });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = soql.slice(i, i + 2);
      if (two === '!=' || two === '<=' || two === '>=' || two === '<>') {
        tokens.push({ type: 'op', value: two === '<>' ? '!=' : two });
        i += 2;
      } else {
        tokens.push({ type: 'op', value: c });
        i++;
      }
    } else {
      const match = /^[A-Za-z0-9_.:+-]+/.exec(soql.slice(i));
      if (!match) {
        throw new SoqlError(`unexpected character '${c}'`);
      }
      const word = match[0];
      tokens.push({ type: /^-?\d+(\.\d+)?$/.test(word) ? 'number' : 'word', value: word });
      i += word.length;
    }
  }
  return tokens;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$/;

export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenize(soql);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isKeyword = (word: string): boolean => {
    const t = peek();
    return t?.type === 'word' && t.value.toUpperCase() === word;
  };
  const expectKeyword = (word: string): void => {
    if (!isKeyword(word)) {
      throw new SoqlError(`expecting '${word}', found '${peek()?.value ?? 'end of query'}'`);
    }
    pos++;
  };
  const next = (): Token => {
    const t = tokens[pos++];
    if (!t) {
      throw new SoqlError('unexpected end of query');
    }
    return t;
  };

  expectKeyword('SELECT');
  const fields: string[] = [];
  let isCount = false;
  let unsupportedInBulk: string | undefined;
  for (;;) {
    const t = next();
    if (t.type !== 'word') {
      throw new SoqlError(`unexpected token '${t.value}' in the field list`);
    }
    if (t.value.toUpperCase() === 'TYPEOF') {
      throw new SoqlError('TYPEOF is not supported by this simulator');
    }
    if (peek()?.value === '(') {
      // COUNT() and other aggregates.
      next();
      const inner: string[] = [];
      while (peek()?.value !== ')') {
        inner.push(next().value);
      }
      next();
      if (t.value.toUpperCase() === 'COUNT' && inner.length === 0) {
        isCount = true;
      } else {
        fields.push(`${t.value}(${inner.join('')})`);
      }
      unsupportedInBulk = 'aggregate functions';
    } else {
      fields.push(t.value);
    }
    if (peek()?.value === ',') {
      next();
      continue;
    }
    break;
  }
  expectKeyword('FROM');
  const objectToken = next();
  if (objectToken.type !== 'word') {
    throw new SoqlError(`unexpected token '${objectToken.value}' after FROM`);
  }
  const query: SoqlQuery = { fields, object: objectToken.value, isCount };

  const parseLiteral = (): Literal => {
    const t = next();
    if (t.type === 'string') {
      return t.value;
    }
    if (t.type === 'number') {
      return Number(t.value);
    }
    const upper = t.value.toUpperCase();
    if (upper === 'TRUE') return true;
    if (upper === 'FALSE') return false;
    if (upper === 'NULL') return null;
    if (DATE_RE.test(t.value)) return t.value;
    if (DATETIME_RE.test(t.value)) return new Date(t.value).toISOString();
    throw new SoqlError(`unexpected literal '${t.value}'`);
  };
  const parseTerm = (): Condition => {
    if (isKeyword('NOT')) {
      next();
      return { kind: 'not', inner: parseTerm() };
    }
    if (peek()?.value === '(') {
      next();
      const inner = parseCondition();
      if (next().value !== ')') {
        throw new SoqlError("expecting ')'");
      }
      return inner;
    }
    const field = next();
    if (field.type !== 'word') {
      throw new SoqlError(`unexpected token '${field.value}' in WHERE`);
    }
    let negated = false;
    if (isKeyword('NOT')) {
      next();
      negated = true;
    }
    if (isKeyword('IN')) {
      next();
      if (next().value !== '(') {
        throw new SoqlError("expecting '(' after IN");
      }
      const values: Literal[] = [];
      while (peek()?.value !== ')') {
        values.push(parseLiteral());
        if (peek()?.value === ',') next();
      }
      next();
      return { kind: 'in', field: field.value, negated, values };
    }
    if (negated) {
      throw new SoqlError("expecting 'IN' after NOT");
    }
    const op = next();
    const opValue = op.type === 'word' && op.value.toUpperCase() === 'LIKE' ? 'LIKE' : op.value;
    if (op.type !== 'op' && opValue !== 'LIKE') {
      throw new SoqlError(`unexpected operator '${op.value}'`);
    }
    return {
      kind: 'cmp',
      field: field.value,
      op: opValue as '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE',
      value: parseLiteral()
    };
  };
  const parseCondition = (): Condition => {
    let left = parseTerm();
    while (isKeyword('AND') || isKeyword('OR')) {
      const kind = next().value.toLowerCase() as 'and' | 'or';
      left = { kind, left, right: parseTerm() };
    }
    return left;
  };

  if (isKeyword('WHERE')) {
    next();
    query.where = parseCondition();
  }
  if (isKeyword('GROUP')) {
    throw new SoqlError('GROUP BY is not supported by this simulator');
  }
  if (isKeyword('ORDER')) {
    next();
    expectKeyword('BY');
    const field = next().value;
    let descending = false;
    if (isKeyword('ASC') || isKeyword('DESC')) {
      descending = next().value.toUpperCase() === 'DESC';
    }
    query.orderBy = { field, descending };
  }
  if (isKeyword('LIMIT')) {
    next();
    query.limit = Number(next().value);
  }
  if (isKeyword('OFFSET')) {
    next();
    query.offset = Number(next().value);
    unsupportedInBulk = 'OFFSET';
  }
  if (pos < tokens.length) {
    throw new SoqlError(`unexpected token: '${peek()?.value ?? ''}'`);
  }
  if (unsupportedInBulk) {
    query.unsupportedInBulk = unsupportedInBulk;
  }
  return query;
}

/** The fields a condition reads, for validation against describe. */
export function conditionFields(condition: Condition | undefined): string[] {
  if (!condition) return [];
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...conditionFields(condition.left), ...conditionFields(condition.right)];
    case 'not':
      return conditionFields(condition.inner);
    default:
      return [condition.field];
  }
}

export function evaluate(condition: Condition, get: (field: string) => Literal): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluate(condition.left, get) && evaluate(condition.right, get);
    case 'or':
      return evaluate(condition.left, get) || evaluate(condition.right, get);
    case 'not':
      return !evaluate(condition.inner, get);
    case 'in': {
      const value = get(condition.field);
      const found = condition.values.some((v) => compare(value, v) === 0);
      return condition.negated ? !found : found;
    }
    case 'cmp': {
      const value = get(condition.field);
      if (condition.op === 'LIKE') {
        if (typeof value !== 'string' || typeof condition.value !== 'string') return false;
        const pattern = condition.value
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/%/g, '.*')
          .replace(/_/g, '.');
        return new RegExp(`^${pattern}$`, 'i').test(value);
      }
      if (condition.value === null || value === null) {
        const bothNull = condition.value === null && value === null;
        if (condition.op === '=') return bothNull;
        if (condition.op === '!=') return !bothNull;
        return false;
      }
      const c = compare(value, condition.value);
      switch (condition.op) {
        case '=':
          return c === 0;
        case '!=':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
      }
    }
  }
  return false;
}

/** Strings compare case-insensitively, as SOQL does; dates are ISO strings, so they compare as text. */
export function compare(a: Literal, b: Literal): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return String(a) === String(b) ? 0 : 1;
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}
