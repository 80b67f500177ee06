import {
  apexSyntaxErrors,
  formatFindings,
  gateFailures,
  isBlocking,
  ruleSelectors,
  selectTargets
} from '../static-analysis.ts';
import { formatSummary, parseJestCounts } from '../run-gates.ts';
import { deployArgs } from '../deploy.ts';

describe('static-analysis helpers', () => {
  it('fails on an entry point an engine could not analyse, not only on findings', () => {
    // The engine error the Graph Engine logged on TeamViewController before its rounding was rewritten.
    const crash =
      '[sfge] Internal execution error while scanning entry point: force-app/main/default/classes/TeamViewController.cls:102:26: ... UnexpectedException: MethodCallExpressionVertex{fullMethodName=adoption.setScale ...';
    expect(gateFailures({ findings: [{ severity: 3 }], syntaxErrors: [], engineErrors: [] })).toEqual([]);
    const failures = gateFailures({ findings: [], syntaxErrors: [], engineErrors: [crash] });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/1 entry point\(s\) not analysed/);
    expect(
      gateFailures({ findings: [{ severity: 2 }], syntaxErrors: [{}], engineErrors: [crash] })
    ).toHaveLength(3);
  });

  it('targets Apex and component sources, never compiled .js, tests or declarations', () => {
    const targets = selectTargets([
      '/p/force-app/main/default/classes/A.cls',
      '/p/force-app/main/default/classes/A.cls-meta.xml',
      '/p/force-app/main/default/triggers/T.trigger',
      '/p/force-app/main/default/lwc/a/a.ts',
      '/p/force-app/main/default/lwc/a/a.js',
      '/p/force-app/main/default/lwc/a/a.html',
      '/p/force-app/main/default/lwc/a/__tests__/a.test.ts',
      '/p/force-app/main/default/lwc/a/types.d.ts'
    ]);
    expect(targets.apex).toEqual([
      '/p/force-app/main/default/classes/A.cls',
      '/p/force-app/main/default/triggers/T.trigger'
    ]);
    expect(targets.lwc).toEqual([
      '/p/force-app/main/default/lwc/a/a.html',
      '/p/force-app/main/default/lwc/a/a.ts'
    ]);
    expect(targets.xml).toEqual(['/p/force-app/main/default/classes/A.cls-meta.xml']);
  });

  it('selects the AppExchange and Security tags and the Graph Engine, by kind of target', () => {
    const all = ruleSelectors({ apex: ['a.cls'], lwc: ['a.ts'], xml: ['a.object-meta.xml'] });
    expect(all).toEqual(
      expect.arrayContaining([
        'pmd:Recommended:Apex',
        'pmd:AppExchange',
        'pmd:Security',
        'sfge:Security',
        'eslint:Recommended',
        'eslint:Security'
      ])
    );
    expect(new Set(all).size).toBe(all.length);
    expect(ruleSelectors({ apex: [], lwc: ['a.ts'], xml: [] })).not.toContain('sfge:Security');
  });

  it('accepts valid Apex (user mode included) and reports syntax errors with their line', () => {
    expect(
      apexSyntaxErrors(
        'public with sharing class A { public static Integer n() { return [SELECT COUNT() FROM Account WITH USER_MODE]; } }',
        'class'
      )
    ).toEqual([]);
    expect(apexSyntaxErrors('trigger T on Account (before insert) { }', 'trigger')).toEqual([]);
    const errors = apexSyntaxErrors('public class B {\n  public void x( { }\n}', 'class');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.line).toBe(2);
  });

  it('fails on Critical and High only, and prints worst first', () => {
    expect(isBlocking({ severity: 1 })).toBe(true);
    expect(isBlocking({ severity: 2 })).toBe(true);
    expect(isBlocking({ severity: 3 })).toBe(false);
    const table = formatFindings(
      [
        {
          file: '/p/b.cls',
          line: 3,
          engine: 'pmd',
          rule: 'ApexDoc',
          severity: 4,
          message: 'Missing ApexDoc'
        },
        {
          file: '/p/a.cls',
          line: 7,
          engine: 'pmd',
          rule: 'ApexCRUDViolation',
          severity: 2,
          message: 'Validate CRUD'
        }
      ],
      '/p'
    ).split('\n');
    expect(table[0]).toMatch(/^LOCATION\s+RULE\s+SEVERITY\s+MESSAGE$/);
    expect(table[1]).toMatch(/^a\.cls:7\s+pmd:ApexCRUDViolation\s+2 High\s+Validate CRUD$/);
    expect(table[2]).toMatch(/^b\.cls:3/);
    expect(formatFindings([], '/p')).toBe('No findings.');
  });
});

describe('run-gates helpers', () => {
  it('reads the counts of a jest --json result', () => {
    const json = JSON.stringify({
      numTotalTestSuites: 4,
      numFailedTestSuites: 1,
      numTotalTests: 20,
      numFailedTests: 2,
      numPendingTests: 1,
      numTodoTests: 1
    });
    expect(parseJestCounts(json)).toEqual({
      suites: 4,
      suitesFailed: 1,
      tests: 20,
      testsFailed: 2,
      testsSkipped: 2
    });
    expect(parseJestCounts('not json')).toBeUndefined();
    expect(parseJestCounts('{}')).toBeUndefined();
  });

  it('prints one row per gate', () => {
    const summary = formatSummary([
      { name: 'build', ok: true, seconds: 1.25 },
      { name: 'test:unit', ok: false, seconds: 30 }
    ]).split('\n');
    expect(summary).toEqual([
      'GATE       STATUS  SECONDS',
      'build      PASS        1.3',
      'test:unit  FAIL       30.0'
    ]);
  });
});

describe('deploy arguments', () => {
  it('adds the source folder and wait, and passes flags through', () => {
    expect(deployArgs(['--target-org', 'dev'])).toEqual([
      'project',
      'deploy',
      'start',
      '--source-dir',
      'force-app',
      '--wait',
      '30',
      '--target-org',
      'dev'
    ]);
    expect(deployArgs(['-o', 'dev', '--wait', '5', '--manifest', 'x.xml'])).toEqual([
      'project',
      'deploy',
      'start',
      '-o',
      'dev',
      '--wait',
      '5',
      '--manifest',
      'x.xml'
    ]);
  });
});
