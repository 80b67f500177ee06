// npm run analyze: Salesforce Code Analyzer run from Node, plus a syntax check of every Apex class and
// trigger with @apexdevtools/apex-parser. Engines and rules (see RULE_SELECTORS):
// - PMD: Recommended Apex rules, and every rule tagged AppExchange or Security (Apex, metadata XML, HTML);
// - ESLint: Recommended and Security rules on the component sources (.ts, .html, .css);
// - Graph Engine (sfge, Java): its Security rules, CRUD/FLS data flow in Apex (ApexFlsViolation) and
//   DatabaseOperationsMustUseWithSharing; it has no AppExchange tag.
// Compiled component output (.js beside .ts) is never analysed: it is a build product, and PMD's
// JavaScript rules misread its compiled class fields (GlobalVariable); the .ts sources are linted instead.
// Fails (exit code 1) on any Critical or High finding, any Apex syntax error and any entry point an engine
// could not analyse (gateFailures). Works offline.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, LogEvent, Violation } from '@salesforce/code-analyzer-core';
import * as eslintEngine from '@salesforce/code-analyzer-eslint-engine';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as sfgeEngine from '@salesforce/code-analyzer-sfge-engine';

const ROOT = path.resolve(__dirname, '..', '..');
/** The package folder; another folder can be given as the first argument (used to try the gate). */
const SOURCE_ROOT = path.resolve(process.argv[2] ?? path.join(ROOT, 'force-app'));

/** Severity names of Code Analyzer (1 = Critical … 5 = Info). */
export const SEVERITY_NAMES: Readonly<Record<number, string>> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Info'
};

/**
 * Wall-clock time the Graph Engine may spend on one entry point (its default is 30 s). An entry point not
 * finished in time fails the gate, so this allows for a loaded machine: getTeamView, the longest, took
 * over 2 minutes at a load of 25 on 2 cores.
 */
export const SFGE_TIMEOUT_MS = 600_000;

/** Findings at or below this severity number fail the gate. */
export const FAILING_SEVERITY = 2;

export interface Finding {
  file: string;
  line: number;
  engine: string;
  rule: string;
  severity: number;
  message: string;
}

export interface ApexSyntaxError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The source files of the package that the engines look at, grouped by kind. */
export interface Targets {
  apex: string[];
  lwc: string[];
  /** Metadata XML (objects, components' configuration…), for PMD's AppExchange XML rules. */
  xml: string[];
}

/**
 * Rule selectors by kind of target: `engine:tag` (Code Analyzer's selector syntax). AppExchange and
 * Security are selected for every engine that has rules with those tags (ESLint and the Graph Engine
 * have no AppExchange rule).
 */
export const RULE_SELECTORS: Readonly<Record<keyof Targets, readonly string[]>> = {
  apex: ['pmd:Recommended:Apex', 'pmd:AppExchange', 'pmd:Security', 'sfge:Security'],
  lwc: ['eslint:Recommended', 'eslint:Security', 'pmd:AppExchange', 'pmd:Security'],
  xml: ['pmd:AppExchange', 'pmd:Security']
};

/**
 * Lists files under a folder, recursively, skipping folders that are never sources.
 * @param dir the folder to walk
 * @returns absolute paths of every file
 */
export function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : listFiles(full);
    }
    return [full];
  });
}

/**
 * Picks what the engines analyse: Apex classes and triggers, component sources (TypeScript, HTML, CSS;
 * never the compiled .js beside a .ts, never tests) and metadata XML files.
 * @param files absolute paths of the files under force-app
 * @returns the Apex, LWC and XML targets, sorted
 */
export function selectTargets(files: string[]): Targets {
  const normalized = files.map((f) => f.split(path.sep).join('/')).filter((f) => !f.includes('/__tests__/'));
  const apex = normalized.filter((f) => /\.(cls|trigger)$/.test(f));
  const lwc = normalized.filter(
    (f) => f.includes('/lwc/') && /\.(ts|html|css)$/.test(f) && !f.endsWith('.d.ts')
  );
  const xml = normalized.filter((f) => f.endsWith('-meta.xml'));
  return { apex: apex.sort(), lwc: lwc.sort(), xml: xml.sort() };
}

/**
 * The rule selectors for the kinds of targets present.
 * @param targets files to analyse
 * @returns distinct selectors, in RULE_SELECTORS order
 */
export function ruleSelectors(targets: Targets): string[] {
  const kinds = (Object.keys(RULE_SELECTORS) as Array<keyof Targets>).filter((k) => targets[k].length > 0);
  return [...new Set(kinds.flatMap((k) => RULE_SELECTORS[k]))];
}

/**
 * Parses one Apex source and returns its syntax errors.
 * @param source the text of a class or trigger
 * @param kind which grammar entry point applies
 * @returns the syntax errors, empty when the source parses
 */
export function apexSyntaxErrors(
  source: string,
  kind: 'class' | 'trigger'
): Array<Omit<ApexSyntaxError, 'file'>> {
  const errors: Array<Omit<ApexSyntaxError, 'file'>> = [];
  class Collector extends ApexErrorListener {
    override apexSyntaxError(line: number, column: number, message: string): void {
      // ANTLR lists every token it expected: keep the start, that is what says what is wrong.
      const short = message.length > 160 ? `${message.slice(0, 160)}…` : message;
      errors.push({ line, column, message: short });
    }
  }
  const { parser } = ApexParserFactory.createLexerAndParser(source, new Collector());
  if (kind === 'trigger') {
    parser.triggerUnit();
  } else {
    parser.compilationUnit();
  }
  return errors;
}

/** Whether a finding fails the gate. */
export function isBlocking(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity <= FAILING_SEVERITY;
}

/**
 * Formats findings as an aligned text table (file:line, rule, severity, message), worst first.
 * @param findings the findings to print
 * @param root paths are shown relative to it
 */
export function formatFindings(findings: Finding[], root: string): string {
  if (findings.length === 0) {
    return 'No findings.';
  }
  const sorted = [...findings].sort(
    (a, b) => a.severity - b.severity || a.file.localeCompare(b.file) || a.line - b.line
  );
  const rows = sorted.map((f) => [
    `${path.relative(root, f.file) || f.file}:${f.line}`,
    `${f.engine}:${f.rule}`,
    `${f.severity} ${SEVERITY_NAMES[f.severity] ?? ''}`.trim(),
    f.message.replace(/\s+/g, ' ').trim()
  ]);
  const header = ['LOCATION', 'RULE', 'SEVERITY', 'MESSAGE'];
  const widths = [0, 1, 2].map((i) =>
    Math.max(header[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0))
  );
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function toFinding(violation: Violation): Finding {
  const location = violation.getPrimaryLocation();
  const rule = violation.getRule();
  return {
    file: location.getFile() ?? '(unknown file)',
    line: location.getStartLine() ?? 0,
    engine: rule.getEngineName(),
    rule: rule.getName(),
    severity: rule.getSeverityLevel(),
    message: violation.getMessage()
  };
}

/**
 * Runs the rules of {@link RULE_SELECTORS} (PMD, ESLint, Graph Engine) on the targets.
 * @param targets files to analyse; an empty kind is skipped (no Apex yet is fine)
 * @returns every finding, and the errors engines logged (an entry point the Graph Engine could not finish)
 */
export async function runCodeAnalyzer(
  targets: Targets
): Promise<{ findings: Finding[]; engineErrors: string[] }> {
  const files = [...targets.apex, ...targets.lwc, ...targets.xml];
  const engineErrors: string[] = [];
  if (files.length === 0) {
    return { findings: [], engineErrors };
  }
  const workFolder = mkdtempSync(path.join(tmpdir(), 'code-analyzer-'));
  try {
    const config = CodeAnalyzerConfig.fromObject(
      {
        config_root: ROOT,
        log_folder: workFolder,
        root_working_folder: workFolder,
        log_level: LogLevel.Warn,
        engines: {
          // Our own eslint.config.mjs is enforced by npm run lint; here the engine's LWC base rules apply.
          eslint: { auto_discover_eslint_config: false },
          // The copy/paste detector is slow and not a gate.
          cpd: { disable_engine: true },
          // The Graph Engine walks every path from every entry point (@AuraEnabled methods…). An entry
          // point whose paths take longer than the timeout, or that the engine crashes on, is not analysed:
          // the engine logs it as an error, which this script prints as "not analysed" and fails on.
          sfge: { java_thread_count: 2, java_thread_timeout: SFGE_TIMEOUT_MS }
        }
      },
      ROOT
    );
    const analyzer = new CodeAnalyzer(config);
    analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
      if (event.logLevel <= LogLevel.Error) {
        console.error(`[code-analyzer] ${event.message}`);
      }
    });
    analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
      if (event.logLevel <= LogLevel.Error) {
        engineErrors.push(`[${event.engineName}] ${event.message}`);
      }
    });
    await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
    await analyzer.addEnginePlugin(eslintEngine.createEnginePlugin());
    await analyzer.addEnginePlugin(sfgeEngine.createEnginePlugin());

    const workspace = await analyzer.createWorkspace([SOURCE_ROOT], files);
    const selection = await analyzer.selectRules(ruleSelectors(targets), { workspace });
    const results = await analyzer.run(selection, { workspace });
    return { findings: results.getViolations().map(toFinding), engineErrors };
  } finally {
    rmSync(workFolder, { recursive: true, force: true });
  }
}

/**
 * Parses every class and trigger.
 * @param apexFiles absolute paths of .cls and .trigger files
 */
export function checkApexSyntax(apexFiles: string[]): ApexSyntaxError[] {
  return apexFiles.flatMap((file) =>
    apexSyntaxErrors(readFileSync(file, 'utf8'), file.endsWith('.trigger') ? 'trigger' : 'class').map(
      (error) => ({ file, ...error })
    )
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  const targets = selectTargets(listFiles(SOURCE_ROOT));
  console.log(
    `Analysing ${targets.apex.length} Apex file(s), ${targets.lwc.length} component source file(s) and ${targets.xml.length} metadata file(s) under ${path.relative(ROOT, SOURCE_ROOT) || '.'}/.`
  );

  const syntaxErrors = checkApexSyntax(targets.apex);
  if (syntaxErrors.length > 0) {
    console.log('\nApex syntax errors (fix them: the org would refuse to compile these files):');
    for (const e of syntaxErrors) {
      console.log(`  ${path.relative(ROOT, e.file)}:${e.line}:${e.column}  ${e.message}`);
    }
  } else {
    console.log(`Apex syntax: ${targets.apex.length} file(s) parse.`);
  }

  const { findings, engineErrors } = await runCodeAnalyzer(targets);
  console.log(`\nCode Analyzer (${ruleSelectors(targets).join(', ')}):\n`);
  console.log(formatFindings(findings, ROOT));
  if (engineErrors.length > 0) {
    // Not a pass: these paths were not analysed (for sfge: CRUD/FLS data flow of that entry point).
    console.log(`\nNot analysed (${engineErrors.length} engine error(s)):`);
    for (const e of engineErrors) {
      console.log(`  ${e}`);
    }
  }

  const blocking = findings.filter(isBlocking);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\n${findings.length} finding(s), ${blocking.length} Critical/High; ${syntaxErrors.length} Apex syntax error(s); ${engineErrors.length} engine error(s) (not analysed); ${seconds}s.`
  );
  const failures = gateFailures({ findings, syntaxErrors, engineErrors });
  if (failures.length > 0) {
    console.log(`FAILED: ${failures.join('; ')}.`);
    return 1;
  }
  return 0;
}

/**
 * Why the analyze gate fails, if it does: any Critical/High finding, any Apex syntax error, and any entry
 * point an engine could not analyse (an engine error: for the Graph Engine, an entry point whose CRUD/FLS
 * data flow was never checked, which is not a pass).
 * @param result what the engines and the syntax check reported
 * @returns one sentence per kind of failure, each saying what to do; empty when the gate passes
 */
export function gateFailures(result: {
  findings: Pick<Finding, 'severity'>[];
  syntaxErrors: unknown[];
  engineErrors: string[];
}): string[] {
  const failures: string[] = [];
  const blocking = result.findings.filter(isBlocking).length;
  if (blocking > 0) failures.push(`fix the ${blocking} Critical/High finding(s) listed above`);
  if (result.syntaxErrors.length > 0) {
    failures.push(`fix the ${result.syntaxErrors.length} Apex syntax error(s) listed above`);
  }
  if (result.engineErrors.length > 0) {
    failures.push(
      `${result.engineErrors.length} entry point(s) not analysed (listed above): rewrite the code the engine stops on (its file:line is in the message) until it analyses`
    );
  }
  return failures;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    }
  );
}
