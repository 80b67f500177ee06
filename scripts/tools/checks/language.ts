// The Language gate (npm run validate): nothing compares a profile name, a record type label or a
// picklist label to a literal. Salesforce translates standard profile names, record type labels and
// picklist labels at run time (the first customers are French), so such a comparison silently stops
// matching in another language. API values are fine: a picklist's API value (Status__c = 'Completed'
// where Completed is the value), a record type's DeveloperName, a user license's LicenseDefinitionKey.
// Labels include Profile.Name (translated for standard profiles), RecordType.Name, TaskStatus /
// CaseStatus MasterLabel, PicklistEntry.getLabel() and the UI API's displayValue.
//
// Checked: Apex (tokens from @apexdevtools/apex-parser, SOQL included), component and sync TypeScript
// (the TypeScript compiler's syntax tree, GraphQL filters included), report filters, formulas and
// validation rules, and the custom metadata defaults.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import ts from 'typescript';
import type { Problem, SourceFile } from '../metadata-checks.ts';

/** The rules, named in every message. */
export const LANGUAGE_RULES = {
  profileName: 'language/profile-name',
  recordTypeLabel: 'language/record-type-label',
  picklistLabel: 'language/picklist-label'
} as const;
type Rule = (typeof LANGUAGE_RULES)[keyof typeof LANGUAGE_RULES];

const FIX: Record<Rule, string> = {
  [LANGUAGE_RULES.profileName]:
    'Standard profile names are translated at run time. Select by what the profile is: Profile.UserLicense.LicenseDefinitionKey, UserType, PermissionsApiUserOnly (Apex tests: TestDataFactory).',
  [LANGUAGE_RULES.recordTypeLabel]:
    'Record type labels (RecordType.Name) are translated. Compare RecordType.DeveloperName instead.',
  [LANGUAGE_RULES.picklistLabel]:
    'Picklist labels (getLabel(), displayValue, TaskStatus/CaseStatus MasterLabel) are translated. Compare the API value (the field value, PicklistEntry.getValue(), ApiName) or a flag such as IsClosed.'
};

const problem = (file: string, where: string, rule: Rule, what: string): Problem => ({
  check: 'language',
  file,
  message: `${where}: ${what} [${rule}]`,
  fix: FIX[rule]
});

/** Which rule a compared field path breaks, if any (path lower-cased, `?.`/`!` removed). */
function ruleOfPath(fieldPath: string, soqlFrom: string | null): Rule | null {
  const p = fieldPath.replace(/\?/g, '').replace(/!/g, '').toLowerCase();
  const last = p.split('.').filter((s) => s !== 'value');
  const tail = last.slice(-2).join('.');
  const end = last[last.length - 1] ?? '';
  if (tail === 'profile.name' || end === 'profilename' || (soqlFrom === 'profile' && p === 'name'))
    return LANGUAGE_RULES.profileName;
  if (tail === 'recordtype.name' || end === 'recordtypename' || (soqlFrom === 'recordtype' && p === 'name'))
    return LANGUAGE_RULES.recordTypeLabel;
  if (end === 'displayvalue' || end === 'masterlabel' || end === 'getlabel()')
    return LANGUAGE_RULES.picklistLabel;
  return null;
}

const COMPARISONS = new Set(['=', '==', '===', '!=', '!==', '<>', 'like', 'in', 'includes', 'excludes']);

interface Tok {
  text: string;
  line: number;
}

/** The dotted path ending at index `end` (inclusive), e.g. `opp.RecordType.Name`, `e.getLabel()`. */
function pathBefore(tokens: Tok[], end: number): string {
  const parts: string[] = [];
  let i = end;
  if (tokens[i]?.text === ')' && tokens[i - 1]?.text === '(') {
    parts.unshift(`${tokens[i - 2]?.text ?? ''}()`);
    i -= 3;
  } else {
    parts.unshift(tokens[i]?.text ?? '');
    i -= 1;
  }
  while (tokens[i]?.text === '.' && /^\w+$/.test(tokens[i - 1]?.text ?? '')) {
    parts.unshift(tokens[i - 1]?.text ?? '');
    i -= 2;
  }
  return parts.join('.');
}

/** The dotted path starting at index `start`. */
function pathAfter(tokens: Tok[], start: number): string {
  const parts: string[] = [];
  let i = start;
  for (let name = tokens[i]?.text ?? ''; /^\w+$/.test(name); name = tokens[i]?.text ?? '') {
    if (tokens[i + 1]?.text === '(' && tokens[i + 2]?.text === ')') {
      parts.push(`${name}()`);
      i += 3;
    } else {
      parts.push(name);
      i += 1;
    }
    if (tokens[i]?.text !== '.') break;
    i += 1;
  }
  return parts.join('.');
}

const isString = (t: Tok | undefined): boolean => !!t && t.text.startsWith("'");

/**
 * Apex: comparisons of a label to a string literal, in expressions and in SOQL (`WHERE Name = '…'`
 * on Profile or RecordType, `Profile.Name IN ('…')`, `getLabel() == '…'`, `'…'.equals(x.getLabel())`).
 * @param file the project-relative path
 * @param text the class or trigger source
 * @returns the problems, one per comparison, with its line
 */
function apexLanguageProblems(file: string, text: string): Problem[] {
  const stream = ApexParserFactory.createTokenStream(text);
  stream.fill();
  const tokens: Tok[] = stream.tokens
    .filter((t) => t.channel === 0 && t.type !== -1)
    .map((t) => ({ text: t.text, line: t.line }));
  const problems: Problem[] = [];
  let soqlFrom: string | null = null;
  let depth = 0;
  const soqlDepth: number[] = [];
  for (const [i, t] of tokens.entries()) {
    const lower = t.text.toLowerCase();
    if (t.text === '[') depth++;
    if (t.text === ']') {
      if (soqlDepth[soqlDepth.length - 1] === depth) {
        soqlDepth.pop();
        soqlFrom = null;
      }
      depth--;
    }
    if (lower === 'select' && tokens[i - 1]?.text === '[') soqlDepth.push(depth);
    if (lower === 'from' && soqlDepth.length > 0) soqlFrom = tokens[i + 1]?.text.toLowerCase() ?? null;
    const report = (fieldPath: string): void => {
      const from = soqlDepth.length > 0 ? soqlFrom : null;
      const rule = ruleOfPath(fieldPath, from);
      const shown = from && !fieldPath.includes('.') ? `${fieldPath} (SOQL FROM ${from})` : fieldPath;
      if (rule) problems.push(problem(file, `line ${t.line}`, rule, `${shown} compared to a literal`));
    };
    if (COMPARISONS.has(lower)) {
      const right = tokens[i + 1]?.text === '(' ? tokens[i + 2] : tokens[i + 1];
      if (isString(right)) report(pathBefore(tokens, i - 1));
      else if (isString(tokens[i - 1])) report(pathAfter(tokens, i + 1));
    }
    // 'literal'.equals(path) / path.equals('literal') / path.equalsIgnoreCase('literal')
    if ((lower === 'equals' || lower === 'equalsignorecase') && tokens[i + 1]?.text === '(') {
      if (isString(tokens[i + 2]) && tokens[i - 1]?.text === '.') report(pathBefore(tokens, i - 2));
      else if (tokens[i - 1]?.text === '.' && isString(tokens[i - 2])) report(pathAfter(tokens, i + 2));
    }
  }
  return problems;
}

/** The text of an expression as a field path: `a?.b!.c` → `a.b.c`, `x['Profile.Name']` → `x.Profile.Name`. */
function tsPath(node: ts.Node, source: ts.SourceFile): string {
  return node
    .getText(source)
    .replace(/\[\s*['"]([\w.]+)['"]\s*\]/g, '.$1')
    .replace(/\?\./g, '.')
    .replace(/!/g, '')
    .replace(/\s+/g, '');
}

const GRAPHQL_LABEL_FILTER = /\b(RecordType|Profile)\s*:\s*\{\s*Name\s*:\s*\{\s*(eq|ne|like|in|nin)\s*:/;

/**
 * TypeScript (components and the sync): `===`/`!==`/`==`/`!=` between a string literal and a label
 * (profileName, Profile.Name, RecordType.Name, displayValue, MasterLabel), and GraphQL filters on
 * RecordType/Profile Name in template literals.
 * @param file the project-relative path
 * @param text the source
 * @returns the problems, with their line
 */
function typescriptLanguageProblems(file: string, text: string): Problem[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: Problem[] = [];
  const lineOf = (node: ts.Node): number =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const isLiteral = (node: ts.Node): boolean =>
    ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (
        op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        op === ts.SyntaxKind.EqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        op === ts.SyntaxKind.ExclamationEqualsToken
      ) {
        const other = isLiteral(node.right) ? node.left : isLiteral(node.left) ? node.right : null;
        if (other) {
          const fieldPath = tsPath(other, source);
          const rule = ruleOfPath(fieldPath, null);
          if (rule)
            problems.push(problem(file, `line ${lineOf(node)}`, rule, `${fieldPath} compared to a literal`));
        }
      }
    }
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node)) {
      const match = GRAPHQL_LABEL_FILTER.exec(node.text);
      if (match) {
        problems.push(
          problem(
            file,
            `line ${lineOf(node)}`,
            match[1] === 'Profile' ? LANGUAGE_RULES.profileName : LANGUAGE_RULES.recordTypeLabel,
            `GraphQL filter on ${match[1]}.Name`
          )
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

const FORMULA_ELEMENTS = /<(formula|errorConditionFormula|defaultValue)>([\s\S]*?)<\/\1>/g;
const FORMULA_LABEL =
  /(\$Profile\.Name|\$RecordType\.Name|\bRecordType\.Name|\$UserRole\.Name)\s*(=|==|<>|!=)\s*"|"[^"]*"\s*(=|==|<>|!=)\s*(\$Profile\.Name|\$RecordType\.Name|\bRecordType\.Name)|CASE\(\s*(\$Profile\.Name|\$RecordType\.Name|RecordType\.Name)\s*,/;

/** The 1-based line of an offset. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/**
 * Metadata XML: formulas, validation rules and default values (`$Profile.Name = "…"`,
 * `RecordType.Name = "…"`), report filters on a profile or record type name, and the custom metadata
 * defaults (profile names in the Cockpit setting, record type labels in completeness rules).
 * @param file the project-relative path
 * @param text the XML
 * @returns the problems, naming the element and its line
 */
function metadataLanguageProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  for (const m of text.matchAll(FORMULA_ELEMENTS)) {
    const formula = (m[2] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const found = FORMULA_LABEL.exec(formula);
    if (found) {
      const name = (found[1] ?? found[4] ?? found[5] ?? '').toLowerCase();
      const rule = name.includes('profile') ? LANGUAGE_RULES.profileName : LANGUAGE_RULES.recordTypeLabel;
      problems.push(
        problem(file, `<${m[1]}> line ${lineAt(text, m.index)}`, rule, `${found[0].trim()} compares a label`)
      );
    }
  }
  if (file.endsWith('.report-meta.xml')) {
    for (const m of text.matchAll(/<criteriaItems>([\s\S]*?)<\/criteriaItems>/g)) {
      const column = /<column>([^<]+)<\/column>/.exec(m[1] ?? '')?.[1] ?? '';
      const value = /<value>([^<]*)<\/value>/.exec(m[1] ?? '')?.[1] ?? '';
      const simple = column.split(/[$.]/).slice(-2).join('.').toLowerCase();
      const isProfile = /(^|\.)profile(\.name)?$/.test(simple) || column === 'PROFILE';
      const isRecordType = /(^|\.)recordtype(\.name)?$/.test(simple) || column === 'RECORDTYPE';
      if (value && (isProfile || isRecordType)) {
        problems.push(
          problem(
            file,
            `<criteriaItems> ${column} line ${lineAt(text, m.index)}`,
            isProfile ? LANGUAGE_RULES.profileName : LANGUAGE_RULES.recordTypeLabel,
            `report filter ${column} = "${value}" compares a label`
          )
        );
      }
    }
  }
  if (file.endsWith('.md-meta.xml')) {
    for (const m of text.matchAll(
      /<values>\s*<field>([^<]+)<\/field>\s*<value[^>]*?(?:\/>|>([^<]*)<\/value>)/g
    )) {
      const field = m[1] ?? '';
      const value = (m[2] ?? '').trim();
      if (field === 'Excluded_Profiles__c' && value) {
        problems.push(
          problem(
            file,
            `<values> ${field} line ${lineAt(text, m.index)}`,
            LANGUAGE_RULES.profileName,
            `default setting names profiles "${value}"`
          )
        );
      }
      if (field === 'Record_Types__c' && value) {
        const labels = value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v && !/^[A-Za-z][A-Za-z0-9_]*$/.test(v));
        if (labels.length > 0) {
          problems.push(
            problem(
              file,
              `<values> ${field} line ${lineAt(text, m.index)}`,
              LANGUAGE_RULES.recordTypeLabel,
              `"${labels.join(', ')}" is not a record type DeveloperName`
            )
          );
        }
      }
    }
  }
  return problems;
}

/**
 * Checks a set of files: Apex (.cls, .trigger), TypeScript (.ts, tests and declaration files
 * excepted) and metadata XML.
 * @param files project-relative paths and their text
 * @returns the problems
 */
export function languageProblems(files: readonly SourceFile[]): Problem[] {
  return files.flatMap((f) => {
    if (/\.(cls|trigger)$/.test(f.path)) return apexLanguageProblems(f.path, f.text);
    if (/\.ts$/.test(f.path) && !/\.d\.ts$/.test(f.path) && !/(^|\/)__tests__\//.test(f.path))
      return typescriptLanguageProblems(f.path, f.text);
    if (/\.xml$/.test(f.path)) return metadataLanguageProblems(f.path, f.text);
    return [];
  });
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(full);
    return [full];
  });
}

/** Where the gate looks: the package (Apex, components, metadata) and the sync's TypeScript. */
const LANGUAGE_SCOPE = ['force-app', 'scripts/sync'];

/**
 * The gate for `npm run validate`: reads the files of LANGUAGE_SCOPE under the project and checks them.
 * @param projectRoot the project folder
 * @returns the problems (empty when the tree is clean)
 */
export function checkLanguage(projectRoot: string): Problem[] {
  const files = LANGUAGE_SCOPE.flatMap((dir) => walk(path.join(projectRoot, dir)))
    .filter((f) => /\.(cls|trigger|ts|xml)$/.test(f))
    .map((f) => ({
      path: path.relative(projectRoot, f).split(path.sep).join('/'),
      text: readFileSync(f, 'utf8')
    }));
  return languageProblems(files);
}
