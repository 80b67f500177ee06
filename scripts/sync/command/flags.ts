// The flags of `sf adoption sync` (and of its alias `npm run sync`), declared once as data.
//
// The sf command (`commands/adoption/sync.mts`) maps each entry to an sf-plugins-core flag; the launcher
// (`cli.ts`) reads the same entries with node:util parseArgs for export runs, without loading the sf
// libraries. Summaries are in messages/adoption.sync.md under `flags.<name>.summary`.

/** How a flag is parsed; the sf command maps each kind to its sf-plugins-core flag. */
export type FlagKind =
  /** --target-org: the sf CLI's own org resolution (alias, username, default target-org). */
  | 'org'
  /** --api-version: the sf CLI's API version flag. */
  | 'api-version'
  | 'string'
  | 'url'
  /** An existing file or folder (checked by the run, which names what is missing). */
  | 'path'
  | 'boolean'
  /** One of `options`. */
  | 'option';

export interface FlagSpec {
  readonly kind: FlagKind;
  readonly char?: string;
  /** Repeatable; each value may also be comma-separated. */
  readonly multiple?: boolean;
  readonly options?: readonly string[];
  readonly default?: string;
  /** Flags that cannot be given with this one. */
  readonly exclusive?: readonly string[];
  /** Help value, e.g. <folder>. */
  readonly helpValue?: string;
}

const LOGIN = ['target-org', 'instance-url', 'access-token'] as const;

/** Every flag of the sync, in the order of its help. */
export const FLAGS = {
  'target-org': { kind: 'org', char: 'o', exclusive: ['from-export', 'instance-url', 'access-token'] },
  'api-version': { kind: 'api-version' },
  'instance-url': { kind: 'url', exclusive: ['from-export', 'target-org'] },
  'access-token': { kind: 'string', exclusive: ['from-export', 'target-org'] },
  'from-export': { kind: 'path', multiple: true, helpValue: '<folder|zip>', exclusive: LOGIN },
  objects: { kind: 'string', multiple: true, helpValue: '<A,B>' },
  encoding: { kind: 'string', helpValue: '<label>' },
  period: { kind: 'option', options: ['Day', 'Week', 'Month'] },
  'as-of': { kind: 'string', helpValue: '<yyyy-mm-dd>' },
  'team-field': { kind: 'string', helpValue: '<field>' },
  'include-integration-users': { kind: 'boolean' },
  'include-inactive-users': { kind: 'boolean' },
  write: { kind: 'boolean' },
  out: { kind: 'path', helpValue: '<folder>' },
  'aggregates-out': { kind: 'path', helpValue: '<file>' },
  lang: { kind: 'option', options: ['en', 'fr'], default: 'en' },
  people: { kind: 'boolean' },
  rules: { kind: 'path', helpValue: '<folder>' }
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** The flags' values after parsing, by flag name (what both entry points hand to `optionsFrom`). */
export type FlagValues = {
  -readonly [K in FlagName]?: (typeof FLAGS)[K]['kind'] extends 'boolean'
    ? boolean
    : (typeof FLAGS)[K] extends { multiple: true }
      ? string[]
      : string;
};
