// `sf adoption sync`: the sync as an sf CLI command (this project is an sf plugin: `sf plugins link .`).
// Its flags are the data of command/flags.ts, mapped here to sf-plugins-core flags; summaries, examples and
// errors come from messages/adoption.sync.md; the run is command/run-sync.ts, as for `npm run sync`.

import type { Interfaces } from '@oclif/core';
import { Messages, type Org } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { FLAGS, type FlagName, type FlagSpec, type FlagValues } from '../../command/flags.ts';
import { MESSAGES_FILE } from '../../command/messages.ts';
import { checkExclusive, optionsFrom, parseFailure } from '../../command/options.ts';
import {
  describeError,
  errorJson,
  errorText,
  formatTable,
  warningText,
  type ErrorShape
} from '../../command/output.ts';
import { runSync } from '../../command/run-sync.ts';
import type { SyncResult } from '../../engine/result.ts';
import { PROJECT_ROOT } from '../../paths.ts';
import { consoleHost } from '../../progress.ts';

Messages.importMessageFile('adoption-cockpit', `${PROJECT_ROOT}/${MESSAGES_FILE}`);
const messages = Messages.loadMessages('adoption-cockpit', 'adoption.sync');

/** The sf-plugins-core flag for one entry of FLAGS. */
function sfFlag(name: FlagName, spec: FlagSpec) {
  const common = {
    summary: messages.getMessage(`flags.${name}.summary`),
    ...(spec.char ? { char: spec.char as 'o' } : {}),
    ...(spec.exclusive ? { exclusive: [...spec.exclusive] } : {}),
    ...(spec.helpValue ? { helpValue: spec.helpValue } : {})
  };
  switch (spec.kind) {
    case 'org':
      return Flags.optionalOrg(common);
    case 'api-version':
      return Flags.orgApiVersion(common);
    case 'boolean':
      return Flags.boolean(common);
    case 'option':
      return Flags.string({
        ...common,
        options: [...(spec.options ?? [])],
        ...(spec.default ? { default: spec.default } : {})
      });
    case 'url':
    case 'string':
    case 'path':
      // Non-greedy: a stray word after the values is an unexpected argument, not one more value.
      return spec.multiple
        ? Flags.string({ ...common, multiple: true, multipleNonGreedy: true })
        : Flags.string(common);
  }
}

// One type for all: the run reads the parsed values as FlagValues, the types of the data.
const flags = Object.fromEntries(
  (Object.entries(FLAGS) as [FlagName, FlagSpec][]).map(([name, spec]) => [name, sfFlag(name, spec)])
) as Interfaces.FlagInput<Record<string, unknown>>;

export default class AdoptionSync extends SfCommand<SyncResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');
  public static override readonly flags = flags;

  /** The error being reported, for `logJson` (set by `catch`). */
  private failure?: ErrorShape;

  public async run(): Promise<SyncResult> {
    const parsed = await this.parse(AdoptionSync).catch((error: unknown) => {
      // Source flags given together: ours, not the org lookup's or oclif's message.
      checkExclusive(this.argv);
      throw parseFailure(error, this.argv);
    });
    const org = parsed.flags['target-org'] as Org | undefined;
    const values = { ...parsed.flags, 'target-org': org?.getUsername() } as FlagValues;
    // A default target-org does not count when a session or an export is the source.
    if (values['instance-url'] ?? values['access-token'] ?? values['from-export'])
      delete values['target-org'];
    const json = this.jsonEnabled();
    const options = optionsFrom(values, json, process.env);
    // Progress, information and warnings as `npm run sync` prints them (progress.ts consoleHost).
    const host = consoleHost(json, process.stderr, (text) => {
      // With --json too (sf would keep it for the envelope only): see consoleHost.
      if (json) process.stderr.write(warningText(text));
      else this.warn(text);
    });
    const run = await runSync(options, host, process.env);
    process.exitCode = run.exitCode;
    // Printed once on stderr (SfCommand.warn = output.ts warningText), in the --json envelope with --json.
    for (const warning of run.result.warnings) this.warn(warning);
    // The same text as `npm run sync` (output.ts formatTable); nothing with --json (sf prints the envelope).
    this.log(formatTable(run.result).trimEnd());
    return run.result;
  }

  /**
   * Every error in the sync's shape (command/output.ts describeError: our name as code, the message and
   * what to do from the messages files, our exit code), printed by sf-plugins-core (colours, telemetry)
   * except the --json envelope, which is ours (`logJson`): no stack unless SF_ENV=development. With --json
   * the text also goes to stderr, as the launcher prints it, for a scheduled run that discards stdout and
   * logs stderr (scripts/sync/run-scheduled-sync.sh).
   */
  public override async catch(error: Error) {
    const shape = describeError(error);
    this.failure = shape;
    if (this.jsonEnabled()) process.stderr.write(errorText(shape));
    const shaped = Object.assign(new Error(shape.message), {
      name: shape.name,
      // sf prints `Error (<code>): …`; its errors made from messages have their name as code.
      code: shape.name,
      actions: shape.actions,
      // Not the original stack: sf would read "TypeError" in it as its exit code 10 (errorIsTypeError).
      exitCode: shape.exitCode
    });
    return super.catch(shaped);
  }

  /** sf-plugins-core's JSON output, except an error's envelope: the sync's (command/output.ts errorJson). */
  public override logJson(json: unknown): void {
    super.logJson(this.failure ? errorJson(this.failure, process.env) : json);
  }
}
