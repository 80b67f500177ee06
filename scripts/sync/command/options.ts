// From parsed flag values to the options of one sync run, with the checks both entry points share:
// the sf command (after sf-plugins-core has parsed its flags) and the launcher (after parseArgs).
// Every error comes from messages/adoption.sync.md.

import { parseArgs } from 'node:util';
import { isCalendarDate } from '../engine/periods';
import type { PeriodType } from '../snapshots/types';
import { FLAGS, type FlagName, type FlagSpec, type FlagValues } from './flags';
import { inputError } from './messages';

/** The options of one sync run (`runSync`). */
export interface SyncOptions {
  targetOrg?: string;
  apiVersion?: string;
  instanceUrl?: string;
  accessToken?: string;
  fromExport: string[];
  encoding?: string;
  objects?: string[];
  write: boolean;
  json: boolean;
  out?: string;
  aggregatesOut?: string;
  period?: PeriodType;
  asOf?: string;
  teamField?: string;
  includeIntegrationUsers: boolean;
  includeInactiveUsers: boolean;
  lang: 'en' | 'fr';
  people: boolean;
  rules?: string;
}

/** Repeated and comma-separated values, trimmed, empty ones dropped. */
const list = (values: readonly string[] | undefined): string[] =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/** Today, UTC (yyyy-mm-dd). SYNC_TODAY overrides it for tests of date rules. */
export function today(env: NodeJS.ProcessEnv): string {
  const forced = env.SYNC_TODAY;
  return forced && /^\d{4}-\d{2}-\d{2}$/.test(forced) ? forced : new Date().toISOString().slice(0, 10);
}

/**
 * The run's options from flag values and the environment (SF_INSTANCE_URL / SF_ACCESS_TOKEN for a live
 * run without a login flag).
 * @param json whether --json was given (a flag of the sf CLI, not of FLAGS)
 * @throws SyncInputError (exit 2) with the message and what to do from the messages file
 */
export function optionsFrom(values: FlagValues, json: boolean, env: NodeJS.ProcessEnv): SyncOptions {
  const fromExport = list(values['from-export']);
  // `--from-export ""` names no export: said so, rather than "no source" (NoSource).
  if (values['from-export'] !== undefined && fromExport.length === 0) throw inputError('EmptyExportPath');
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) throw inputError('BadDate', [asOf]);
  const apiVersion = values['api-version'];
  if (apiVersion !== undefined && !isApiVersion(apiVersion)) throw inputError('BadApiVersion', [apiVersion]);
  const options: SyncOptions = {
    targetOrg: values['target-org'],
    apiVersion,
    instanceUrl: values['instance-url'] ?? (fromExport.length === 0 ? env.SF_INSTANCE_URL : undefined),
    accessToken: values['access-token'] ?? (fromExport.length === 0 ? env.SF_ACCESS_TOKEN : undefined),
    fromExport,
    encoding: values.encoding,
    objects: values.objects ? list(values.objects) : undefined,
    write: values.write ?? false,
    json,
    out: values.out,
    aggregatesOut: values['aggregates-out'],
    period: values.period as PeriodType | undefined,
    asOf,
    teamField: values['team-field'],
    includeIntegrationUsers: values['include-integration-users'] ?? false,
    includeInactiveUsers: values['include-inactive-users'] ?? false,
    lang: values.lang === 'fr' ? 'fr' : 'en',
    people: values.people ?? false,
    rules: values.rules
  };
  checkSource(options, env);
  return options;
}

/** Oldest API version the sf CLI accepts (sf-plugins-core orgApiVersion: `minValidApiVersion`, retired below). */
const MIN_API_VERSION = 21;

/**
 * An API version as the sf CLI's --api-version accepts it: two digits and ".0" (@salesforce/core
 * `validateApiVersion`), not retired (sf-plugins-core `orgApiVersion`, 21.0 or later).
 */
function isApiVersion(text: string): boolean {
  return /^[1-9]\d\.0$/.test(text) && Number.parseInt(text, 10) >= MIN_API_VERSION;
}

function checkSource(options: SyncOptions, env: NodeJS.ProcessEnv): void {
  const exportRun = options.fromExport.length > 0;
  const live = Boolean(options.targetOrg ?? options.instanceUrl ?? options.accessToken);
  if (!exportRun && !live) throw inputError('NoSource');
  if (!options.targetOrg && Boolean(options.instanceUrl) !== Boolean(options.accessToken)) {
    throw options.instanceUrl ? inputError('UrlWithoutToken') : inputError('TokenWithoutUrl');
  }
  if (options.write && options.asOf !== undefined && options.asOf > today(env)) {
    throw inputError('AsOfAfterToday', [options.asOf, today(env)]);
  }
  if (options.rules !== undefined && !exportRun) throw inputError('RulesNeedExport');
  if (options.write && exportRun) throw inputError('WriteNeedsOrg');
}

/** What the launcher parsed: the values, or why the sf command must take the arguments instead. */
export type ParsedArgv = { ok: true; values: FlagValues; json: boolean } | { ok: false; reason: string };

const spec = (name: FlagName): FlagSpec => FLAGS[name];

/**
 * Parses argv against FLAGS (plus --json) with node:util parseArgs, as sf-plugins-core would: unknown
 * flags, missing values and values outside an options list are not accepted (`ok: false`); the launcher
 * then hands the arguments to the sf command, which reports them. Exclusive flags are `checkExclusive`'s.
 * Defaults are left to `optionsFrom`.
 */
export function parseArgv(argv: readonly string[]): ParsedArgv {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    json: { type: 'boolean' }
  };
  for (const name of Object.keys(FLAGS) as FlagName[]) {
    const flag = spec(name);
    options[name] = {
      type: flag.kind === 'boolean' ? 'boolean' : 'string',
      ...(flag.char ? { short: flag.char } : {}),
      ...(flag.multiple ? { multiple: true } : {})
    };
  }
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    const parsed = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false,
      tokens: true
    });
    // oclif refuses a single-valued flag given twice, where parseArgs keeps the last value.
    const seen = new Set<string>();
    for (const token of parsed.tokens) {
      if (token.kind !== 'option' || options[token.name]?.multiple) continue;
      if (seen.has(token.name)) return { ok: false, reason: `--${token.name} is given twice` };
      seen.add(token.name);
    }
    values = parsed.values;
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  for (const name of Object.keys(FLAGS) as FlagName[]) {
    const flag = spec(name);
    const value = values[name];
    if (value === undefined) continue;
    if (flag.options && !flag.options.includes(String(value))) {
      return { ok: false, reason: `--${name} ${String(value)} is not one of ${flag.options.join(', ')}` };
    }
  }
  const { json, ...flags } = values;
  const parsed: FlagValues = {};
  for (const [name, value] of Object.entries(flags)) {
    (parsed as Record<string, unknown>)[name] = value;
  }
  return { ok: true, values: parsed, json: json === true };
}

/** The value given to --name (`--name v`, `--name=v`, `-c v`, `-cv`) in argv, the first one. */
function flagValue(argv: readonly string[], name: FlagName): string | undefined {
  const char = spec(name).char;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === `--${name}` || (char !== undefined && arg === `-${char}`)) return argv[i + 1];
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (char !== undefined && arg.startsWith(`-${char}`) && !arg.startsWith('--')) return arg.slice(2);
  }
  return undefined;
}

/** oclif's wrapping of a flag's own parse failure (@oclif/core parser/parse.js). */
const FLAG_PARSE_FAILURE = /^Parsing --([\w-]+) \n\t([\s\S]*?)(?:\nSee more help with --help)?$/;

/**
 * The error to report for a failure of the sf command's flag parsing, the same through `sf` and through
 * `npm run sync` (whose oclif root, this project, has no `exitCodes`): the org resolution of
 * --target-org → LoginNotFound naming the alias and the login to make; --api-version → BadApiVersion
 * (as `optionsFrom` says it for an export run); any other oclif flag error as it is (BadFlags).
 * Anything else thrown while parsing comes from the default target-org's resolution: a login to make.
 */
export function parseFailure(error: unknown, argv: readonly string[]): unknown {
  const wrapped = error instanceof Error ? FLAG_PARSE_FAILURE.exec(error.message) : null;
  const flag = wrapped?.[1];
  if (flag === 'api-version') return inputError('BadApiVersion', [flagValue(argv, 'api-version') ?? '']);
  if (wrapped === null && error instanceof Error && 'oclif' in error) return error;
  if (flag !== undefined && flag !== 'target-org') return error;
  const alias = flagValue(argv, 'target-org') ?? 'my-org';
  const text = wrapped?.[2] ?? (error instanceof Error ? error.message : String(error));
  return inputError('LoginNotFound', [alias, text.trim()], [alias]);
}

/** The FLAGS named in argv (`--name`, `--name=value`, `-c`, `-cvalue`), up to a `--`. */
function flagsGiven(argv: readonly string[]): FlagName[] {
  const byChar = new Map<string, FlagName>();
  for (const name of Object.keys(FLAGS) as FlagName[]) {
    const char = spec(name).char;
    if (char) byChar.set(char, name);
  }
  const given: FlagName[] = [];
  for (const arg of argv) {
    if (arg === '--') break;
    const name = arg.startsWith('--')
      ? arg.slice(2).split('=')[0]
      : /^-\w/.test(arg)
        ? byChar.get(arg[1] ?? '')
        : undefined;
    if (name !== undefined && name in FLAGS && !given.includes(name as FlagName))
      given.push(name as FlagName);
  }
  return given;
}

/**
 * Refuses source flags given together (FLAGS' `exclusive`: --target-org, the session's --instance-url and
 * --access-token, --from-export), from argv itself: before sf-plugins-core resolves --target-org (which
 * would answer with a login error) and before anything is read.
 * @throws SyncInputError ExclusiveSource (exit 2) naming the flags given and the sources to choose from
 */
export function checkExclusive(argv: readonly string[]): void {
  const given = flagsGiven(argv);
  const clashing = given.filter((name) => given.some((other) => spec(name).exclusive?.includes(other)));
  if (clashing.length === 0) return;
  const names = clashing.map((name) => `--${name}`);
  const listed =
    names.length === 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
  throw inputError('ExclusiveSource', [listed]);
}
