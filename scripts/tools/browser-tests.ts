// The browser gate: renders the real components in headless Chromium, outside Salesforce, with LWC OSS,
// and checks what a person sees. For each scenario of test/browser/scenarios/*.ts:
//   - the expected texts (custom labels in the scenario's language, fixture data) are visible;
//   - no label placeholder (c.Name), "undefined", "NaN", "[object Object]" or "{0}" is on the page;
//   - no console error, page error, failed or external request;
//   - every wire its components (children included) use has a fixture (test/browser/wire-fixtures.ts),
//     and every wire that asked while it rendered was answered by one;
//   - the component does not overflow its region horizontally;
//   - each main action is reachable with Tab, shows a focus indicator, and does what it should on Enter;
//   - a screenshot is saved to reports/screenshots/<scenario>.png.
// Scenarios of components that do not exist yet are skipped with a note; the gate fails when no
// product scenario ran at all.
//
// Usage: npm run test:browser [-- <name filter>...] [--no-compile]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import {
  buildComponents,
  FIXTURE_LWC_DIR,
  LWC_DIR,
  ROOT,
  type BuiltComponent
} from '../../test/browser/build.ts';
import { composeFlexipage, mountList, pageMarkup, type ComposedPage } from '../../test/browser/flexipage.ts';
import { loadLabels, type LabelCatalog, type Language } from '../../test/browser/labels.ts';
import { englishDisplayValues, frenchPicklistLabels } from '../../test/browser/french-fixtures.ts';
import {
  REGIONS,
  type Action,
  type ActionEffect,
  type Region,
  type Scenario,
  type Text
} from '../../test/browser/scenario.ts';
import { serveStatic } from '../../test/browser/server.ts';
import { TOUCH_TARGET_GAPS } from '../../test/browser/touch-target-gaps.ts';
import { componentTree, missingWireFixtures } from '../../test/browser/wire-fixtures.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];
const SCENARIO_DIR = path.join(ROOT, 'test/browser/scenarios');
const OUT_DIR = path.join(ROOT, 'reports/browser');
const SCREENSHOT_DIR = path.join(ROOT, 'reports/screenshots');
const SLDS_ASSETS = path.join(ROOT, 'node_modules/@salesforce-ux/design-system/assets');
const DEFAULT_WIDTH = 720;
/** A laptop (as the issue's rep at 8:30): regions are columns inside it, not the viewport itself. */
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: REGIONS.phone, height: 844 };
const AXE_SCRIPT = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
/** Pages checked at once: most of a scenario's time is waiting for renders, not computing. */
const CONCURRENCY = Number(process.env.BROWSER_GATE_CONCURRENCY ?? 3);
/** As the @salesforce/i18n values of test/browser/build.ts. */
const USER_LOCALE: Record<Language, { locale: string; timeZone: string }> = {
  en: { locale: 'en-US', timeZone: 'America/Los_Angeles' },
  fr: { locale: 'fr-FR', timeZone: 'Europe/Paris' }
};

interface Outcome {
  scenario: string;
  component: string;
  language: Language;
  status: 'passed' | 'failed' | 'skipped';
  failures: string[];
  notes: string[];
  screenshot?: string;
  ms: number;
}

function tagName(component: string): string {
  return `c-${component.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function componentFile(scenario: Scenario): string {
  const dir = scenario.fixture ? FIXTURE_LWC_DIR : LWC_DIR;
  return path.join(dir, scenario.component, `${scenario.component}.js`);
}

function componentSource(scenario: Scenario): boolean {
  const dir = path.join(scenario.fixture ? FIXTURE_LWC_DIR : LWC_DIR, scenario.component);
  return ['ts', 'js'].some((ext) => existsSync(path.join(dir, `${scenario.component}.${ext}`)));
}

async function loadScenarios(): Promise<Scenario[]> {
  const all: Scenario[] = [];
  for (const file of readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const module = (await import(path.join(SCENARIO_DIR, file))) as { scenarios?: Scenario[] };
    if (!Array.isArray(module.scenarios)) {
      throw new Error(`test/browser/scenarios/${file} must export "scenarios: Scenario[]"`);
    }
    all.push(...module.scenarios);
  }
  const names = new Set<string>();
  for (const scenario of all) {
    if (names.has(scenario.name)) throw new Error(`two scenarios are named ${scenario.name}`);
    names.add(scenario.name);
  }
  return all;
}

/** UI components of the project (a folder with a template) that no scenario renders, even as a child. */
function uncoveredComponents(scenarios: Scenario[]): string[] {
  const covered = new Set(
    componentTree(
      scenarios.filter((s) => !s.fixture).map((s) => s.component),
      [LWC_DIR]
    )
  );
  return readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(LWC_DIR, e.name, `${e.name}.html`)))
    .map((e) => e.name)
    .filter((name) => !covered.has(name));
}

function compileComponents(): string | undefined {
  const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
  const run = spawnSync(tsc, ['-p', 'force-app/main/default/lwc/tsconfig.json'], {
    cwd: ROOT,
    encoding: 'utf8'
  });
  if (run.status === 0) return undefined;
  return `tsc -p force-app/main/default/lwc/tsconfig.json failed:\n${run.stdout}${run.stderr}`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The build entry of a composed page: one per flexipage file. */
function pageEntry(scenario: Scenario): string {
  return `page.${path.basename(scenario.page ?? '', '.flexipage-meta.xml')}`;
}

function pageHtml(
  scenario: Scenario,
  built: BuiltComponent,
  labels: LabelCatalog,
  composed?: ComposedPage
): string {
  const language = scenario.language ?? 'en';
  const values: Record<string, string> = {};
  for (const name of built.labels) {
    const value = labels.lookup(name, language);
    if (value !== undefined) values[name] = value;
  }
  const data = {
    name: scenario.name,
    language,
    labels: values,
    tag: tagName(scenario.component),
    props: scenario.props ?? {},
    fixtures: scenario.fixtures ?? {},
    userId: scenario.userId,
    permissions: scenario.permissions ?? {},
    mount: composed ? mountList(composed) : []
  };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const width = primaryWidth(scenario);
  // A composed page fills the window under Lightning's header; a component sits in a region-wide #root.
  const body = composed ? pageMarkup(composed) : `<div id="root"></div>`;
  const frame = composed
    ? `body { margin: 0; padding: 0; }`
    : `body { margin: 0; padding: ${width === REGIONS.phone ? 0 : 24}px; }
  #root { width: ${width}px; }`;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(scenario.name)}</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
  html, body { background: #f3f3f3; min-height: 100%; }
  ${frame}
  #toasts { position: fixed; top: 8px; left: 0; right: 0; }
</style>
</head>
<body class="slds-scope">
${body}
<div id="toasts" class="slds-notify_container" aria-live="polite"></div>
<script type="application/json" id="scenario">${json}</script>
<script type="module" src="/bundles/${built.file ?? ''}"></script>
</body>
</html>
`;
}

/** The width the scenario is first rendered and acted on at: `width`, else its first region. */
function primaryWidth(scenario: Scenario): number {
  if (scenario.page !== undefined) return DESKTOP.width;
  const first = scenario.regions?.[0];
  return scenario.width ?? (first ? REGIONS[first] : DEFAULT_WIDTH);
}

/**
 * Puts the component in a region: a column of that width inside the desktop viewport, or the whole
 * width of a phone. Components must follow their own width (container queries or a width observer),
 * since the viewport stays a laptop's for every desktop region.
 */
async function placeIn(page: Page, width: number): Promise<void> {
  const phone = width === REGIONS.phone;
  await page.setViewportSize(phone ? PHONE : { ...DESKTOP, width: Math.max(DESKTOP.width, width + 48) });
  await page.evaluate(
    `(() => { const root = document.getElementById('root'); if (root === document.body) return; document.body.style.padding = '${phone ? 0 : 24}px'; root.style.width = '${width}px'; })()`
  );
}

function resolveText(labels: LabelCatalog, language: Language, value: Text): string {
  return 'label' in value ? labels.text(value.label, language) : value.text;
}

function describeText(value: Text): string {
  return 'label' in value ? `label ${value.label}` : `text "${value.text}"`;
}

const INSPECT_SCRIPT = path.join(ROOT, 'test/browser/platform/inspect.js');

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Recorded {
  mounted: boolean;
  calls: string[];
  navigations: number;
  toasts: number;
  events: string[];
  missingFixtures: MissingFixture[];
}

/** A wire that asked for data no fixture of the scenario gives (test/browser/platform/registry.js). */
interface MissingFixture {
  id: string;
  tagName: string;
  config: unknown;
}

/** Calls a browser-side check of test/browser/platform/inspect.js (DOM code stays in the browser). */
async function inspect<T>(page: Page, call: string): Promise<T> {
  return page.evaluate(`window.__browserGateInspect.${call}`);
}

function locate(page: Page, labels: LabelCatalog, language: Language, action: Action): Locator {
  const byRole = page.locator('#root').getByRole(action.role, {
    name: resolveText(labels, language, action.name),
    exact: action.exact ?? false
  });
  // files go to a file input, not to another control whose name contains the same words
  return (action.files ? byRole.and(page.locator('input[type="file"]')) : byRole).first();
}

/** The part of inspect.js that takes an element (functions passed to Playwright, run in the page). */
interface ElementChecks {
  isFocused(element: unknown): boolean;
  focusArea(element: unknown): Area | null;
}

type PageGlobals = typeof globalThis & { __browserGateInspect: ElementChecks };

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element: unknown) =>
    (globalThis as PageGlobals).__browserGateInspect.isFocused(element)
  );
}

/**
 * Takes focus away as a person would, with a click on the page margin, which also makes the next Tab
 * start from the top. (With synthetic shadow, document.activeElement is only the component's host.)
 */
async function blur(page: Page): Promise<void> {
  await page.mouse.click(4, 4);
}

/** Presses Tab from the top of the page until `target` has focus; false if it never does. */
async function tabTo(page: Page, target: Locator, maxTabs = 60): Promise<boolean> {
  await blur(page);
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) return true;
  }
  return false;
}

async function checkEffect(
  page: Page,
  labels: LabelCatalog,
  language: Language,
  before: Recorded,
  effect: ActionEffect
): Promise<string[]> {
  const deadline = Date.now() + 3000;
  const missing = async (): Promise<string[]> => {
    const now = await inspect<Recorded>(page, 'recorded()');
    const out: string[] = [];
    if (effect.call && !now.calls.slice(before.calls.length).includes(effect.call)) {
      out.push(`no call to ${effect.call}`);
    }
    if (effect.navigation && now.navigations === before.navigations) out.push('no navigation');
    if (effect.toast && now.toasts === before.toasts) out.push('no toast');
    if (effect.event && !now.events.slice(before.events.length).includes(effect.event)) {
      out.push(`no "${effect.event}" event`);
    }
    if (effect.shows) {
      const value = resolveText(labels, language, effect.shows);
      if (!(await page.locator('body').getByText(value).filter({ visible: true }).count())) {
        out.push(`${describeText(effect.shows)} ("${value}") not visible`);
      }
    }
    return out;
  };
  let out = await missing();
  while (out.length && Date.now() < deadline) {
    await page.waitForTimeout(100);
    out = await missing();
  }
  return out;
}

/** Tab reaches the action, focus is visible, and Enter (Space for a checkbox) does what it should. */
async function checkAction(
  page: Page,
  labels: LabelCatalog,
  language: Language,
  action: Action
): Promise<string[]> {
  const name = resolveText(labels, language, action.name);
  const what = `${action.role} "${name}"`;
  const target = locate(page, labels, language, action);
  if (!(await target.count())) return [`${what}: not found by its role and accessible name`];
  if (!(await tabTo(page, target))) return [`${what}: never receives focus with Tab`];
  const failures: string[] = [];
  const area = await target.evaluate((element: unknown) =>
    (globalThis as PageGlobals).__browserGateInspect.focusArea(element)
  );
  if (area) {
    const focused = await page.screenshot({ clip: area, animations: 'disabled' });
    await blur(page);
    const blurred = await page.screenshot({ clip: area, animations: 'disabled' });
    if (focused.equals(blurred)) failures.push(`${what}: no visible focus indicator`);
    await tabTo(page, target);
  }
  if (action.activate) {
    if (action.activate.event) {
      await inspect(page, `listen(${JSON.stringify(action.activate.event)})`);
    }
    const before = await inspect<Recorded>(page, 'recorded()');
    let key: string;
    if (action.files) {
      await target.setInputFiles(
        action.files.map((file) => ({
          name: file.name,
          mimeType: 'text/csv',
          buffer: Buffer.from(file.content)
        }))
      );
      key = `choosing ${action.files.map((file) => file.name).join(', ')}`;
    } else {
      const keys = action.press ?? [
        action.role === 'checkbox' || action.role === 'radio' ? 'Space' : 'Enter'
      ];
      for (const press of keys) await page.keyboard.press(press);
      key = keys.join(', ');
    }
    const missing = await checkEffect(page, labels, language, before, action.activate);
    failures.push(...missing.map((m) => `${what}: ${key} gave ${m}`));
  }
  return failures;
}

/**
 * Resizes the component's region to `region`, lets it lay out again, checks overflow, truncated and
 * overlapping text there, and saves reports/screenshots/<scenario>@<region>.png.
 */
/** The smallest touch area on a phone, in CSS pixels (WCAG 2.5.5 Target Size, enhanced). */
const MIN_TOUCH_TARGET = 44;

/** Regions a finger uses: the phone, and the utility bar (Salesforce's mobile-sized panel on tablets and touch laptops). */
const TOUCH_REGIONS: ReadonlySet<Region> = new Set<Region>(['phone', 'utilityBar']);

/** Whether a scenario's touch targets are checked in a region: on by default in TOUCH_REGIONS. */
function checksTouchTargets(scenario: Pick<Scenario, 'touchTargets'>, region: Region): boolean {
  return scenario.touchTargets !== false && TOUCH_REGIONS.has(region);
}

/**
 * @param state '' for the state first shown, `.after-<n>` for the state after the n-th activated action
 *   (its shots are reports/screenshots/<scenario>.after-<n>@<region>.png)
 */
async function checkRegion(page: Page, scenario: Scenario, region: Region, state = ''): Promise<string[]> {
  const name = scenario.name;
  const width = REGIONS[region];
  await placeIn(page, width);
  await page.waitForTimeout(150);
  const where = `${region} (${width}px)`;
  const problems = await inspect<string[]>(page, `layoutProblems(${JSON.stringify(where)})`);
  problems.push(...(await layoutRuleProblems(page, scenario, where)));
  problems.push(...(await axeProblems(page, scenario, where)));
  if (checksTouchTargets(scenario, region)) {
    problems.push(
      ...(await inspect<string[]>(page, `touchTargetProblems(${JSON.stringify(where)}, ${MIN_TOUCH_TARGET})`))
    );
  }
  await page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}${state}@${region}.png`),
    fullPage: true,
    animations: 'disabled'
  });
  return problems;
}

/** The scenario's layout rules (none by default) on the page as it is now; `where` names the width. */
async function layoutRuleProblems(page: Page, scenario: Scenario, where: string): Promise<string[]> {
  if (!scenario.layout) return [];
  return inspect<string[]>(
    page,
    `layoutRuleProblems(${JSON.stringify(scenario.layout)}, ${JSON.stringify(where)})`
  );
}

/** The scenario's axeRules (none by default) on the page as it is now; `where` names the width. */
async function axeProblems(page: Page, scenario: Scenario, where: string): Promise<string[]> {
  if (!scenario.axeRules?.length) return [];
  return inspect<string[]>(
    page,
    `axeProblems(${JSON.stringify(scenario.axeRules)}, ${JSON.stringify(where)})`
  );
}

/**
 * The layout checks of the state an action led to (an opened panel, a modal, a list after a change):
 * text, overflow, truncation, overlap and contrast at the first width, then each region, as for the
 * state first shown. Every failure names the action it followed.
 */
async function checkStateAfter(
  page: Page,
  scenario: Scenario,
  width: number,
  step: number,
  action: string
): Promise<string[]> {
  const problems = [
    ...(await inspect<string[]>(page, 'textProblems()')),
    ...(await inspect<string[]>(page, `layoutProblems('${width}px')`)),
    ...(await inspect<string[]>(page, 'contrastProblems()'))
  ];
  for (const region of scenario.regions ?? []) {
    problems.push(...(await checkRegion(page, scenario, region, `.after-${step}`)));
  }
  if (scenario.regions?.length) await placeIn(page, width);
  return problems.map((problem) => `after ${action}: ${problem}`);
}

/**
 * Touch-target failures of a scenario listed in test/browser/touch-target-gaps.ts become one note; a
 * listed scenario without any fails, so that the list of known gaps only shrinks.
 */
function knownTouchGaps(scenario: Scenario, outcome: Outcome): Outcome {
  const gap = TOUCH_TARGET_GAPS[scenario.name];
  if (gap === undefined) return outcome;
  const touch = outcome.failures.filter((failure) => / touch target \d/.test(failure));
  const failures = outcome.failures.filter((failure) => !touch.includes(failure));
  if (touch.length === 0) {
    failures.push(
      `test/browser/touch-target-gaps.ts lists ${scenario.name} ("${gap}"), but every control now offers 44 × 44 px: delete the entry`
    );
  }
  const notes = touch.length
    ? [
        ...outcome.notes,
        `known touch-target gap (test/browser/touch-target-gaps.ts): ${touch.length} failure(s): ${gap}`
      ]
    : outcome.notes;
  return { ...outcome, failures, notes };
}

/**
 * Judges an outcome: failed when it has failures, except for a self-test scenario (`expectFailures`),
 * which passes only when it fails in exactly the expected ways.
 */
function expectFailures(scenario: Scenario, outcome: Outcome): Outcome {
  if (!scenario.expectFailures) {
    return { ...outcome, status: outcome.failures.length ? 'failed' : 'passed' };
  }
  const patterns = scenario.expectFailures.map((p) => new RegExp(p));
  const missed = patterns.filter((p) => !outcome.failures.some((f) => p.test(f)));
  const unexpected = outcome.failures.filter((f) => !patterns.some((p) => p.test(f)));
  const failures = [
    ...missed.map((p) => `self-test: the gate did not catch /${p.source}/`),
    ...unexpected.map((f) => `self-test: unexpected failure: ${f}`)
  ];
  const notes = [...outcome.notes, `caught as expected: ${outcome.failures.length} failure(s)`];
  return { ...outcome, failures, notes, status: failures.length ? 'failed' : 'passed' };
}

/**
 * A console warning as one line, with the element it is about; undefined for the LWC engine's warnings
 * about base components' own markup (lightning-*), which are not the project's to fix.
 */
function warningNote(text: string): string | undefined {
  const lines = text.split('\n').map((line) => line.trim());
  const element = lines.find((line) => line.startsWith('<'));
  if (element?.startsWith('<lightning-')) return undefined;
  return `console warning: ${(lines[0] ?? '').replace(/^Error: /, '')}${element ? ` ${element}` : ''}`;
}

async function runScenario(
  browser: Browser,
  origin: string,
  labels: LabelCatalog,
  scenario: Scenario,
  built: BuiltComponent,
  components: readonly string[]
): Promise<Outcome> {
  const started = Date.now();
  const language = scenario.language ?? 'en';
  const outcome: Outcome = {
    scenario: scenario.name,
    component: scenario.component,
    language,
    status: 'passed',
    failures: [],
    notes: [],
    ms: 0
  };
  const fail = (message: string) => outcome.failures.push(message);
  // Every wire of the scenario's components (their children included) has its fixture.
  for (const missing of missingWireFixtures(
    components,
    scenario.fixtures ?? {},
    [LWC_DIR, FIXTURE_LWC_DIR],
    ROOT
  )) {
    fail(missing);
  }
  for (const name of built.labels.filter((n) => labels.lookup(n, language) === undefined)) {
    fail(
      language === 'fr' && labels.lookup(name, 'en') !== undefined
        ? `label ${name} has no French translation in translations/fr.translation-meta.xml`
        : `label ${name} is not in labels/CustomLabels.labels-meta.xml`
    );
  }
  if (language === 'fr') {
    for (const found of englishDisplayValues(scenario.fixtures, frenchPicklistLabels())) {
      fail(`French scenario's fixture: ${found}; give it the French label, as the UI API would`);
    }
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const file of readdirSync(SCREENSHOT_DIR)) {
    if (
      file === `${scenario.name}.png` ||
      file.startsWith(`${scenario.name}.after-`) ||
      file.startsWith(`${scenario.name}@`)
    ) {
      rmSync(path.join(SCREENSHOT_DIR, file));
    }
  }
  // One context per scenario: its clock, locale and time zone are its own while others run beside it.
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  await blockOutside(context, origin);
  const page = await context.newPage();
  const width = primaryWidth(scenario);
  await page.setViewportSize(
    scenario.page !== undefined
      ? DESKTOP
      : width === REGIONS.phone
        ? PHONE
        : { ...DESKTOP, width: Math.max(DESKTOP.width, width + 48) }
  );
  page.on('console', (message) => {
    if (message.type() === 'error') fail(`console error: ${message.text()}`);
    else if (message.type() === 'warning') {
      const note = warningNote(message.text());
      if (note && !outcome.notes.includes(note)) outcome.notes.push(note);
    }
  });
  page.on('pageerror', (error) => {
    fail(`page error: ${error.message}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) fail(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    fail(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  try {
    // The browser's own time zone and locale follow the Salesforce user's (@salesforce/i18n).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: USER_LOCALE[language].timeZone });
    await cdp.send('Emulation.setLocaleOverride', { locale: USER_LOCALE[language].locale });
    if (scenario.now) await page.clock.setFixedTime(new Date(scenario.now));
    await page.addInitScript({ path: INSPECT_SCRIPT });
    // A composed page loads several components' bundles: on a loaded machine that takes more than 30 s.
    await page.goto(`${origin}/pages/${scenario.name}.html`, { waitUntil: 'load', timeout: 90_000 });
    // A whole page (the sync's report) is its own region: its <body> plays the part of #root.
    if (scenario.html !== undefined) await page.evaluate(`document.body.id = 'root'`);
    const mounted =
      scenario.html !== undefined ||
      (await page
        .waitForFunction('window.__browserGate && window.__browserGate.mounted', null, {
          timeout: scenario.timeoutMs ?? 10_000
        })
        .then(() => true)
        .catch(() => false));
    if (!mounted) fail('the component did not mount');
    const timeout = scenario.timeoutMs ?? 10_000;
    for (const expected of scenario.shows) {
      const value = resolveText(labels, language, expected);
      // a visible element with the text: a hidden copy (a closed native <select>'s <option>) is no answer
      const visible = await page
        .locator('#root')
        .getByText(value)
        .filter({ visible: true })
        .first()
        .waitFor({ state: 'visible', timeout })
        .then(() => true)
        .catch(() => false);
      if (!visible) fail(`${describeText(expected)} ("${value}") is not visible`);
    }
    // Let late wires and renders settle before judging the page as a whole.
    await page.waitForTimeout(300);
    for (const hidden of scenario.hides ?? []) {
      const value = resolveText(labels, language, hidden);
      if (await page.locator('#root').getByText(value).filter({ visible: true }).count()) {
        fail(`${describeText(hidden)} ("${value}") is visible but should not be`);
      }
    }
    if (scenario.aboveTheFold) {
      const { selector, min, offset } = scenario.aboveTheFold;
      outcome.failures.push(
        ...(await inspect<string[]>(page, `aboveTheFold(${JSON.stringify(selector)}, ${min}, ${offset})`))
      );
    }
    outcome.failures.push(...(await inspect<string[]>(page, 'textProblems()')));
    outcome.failures.push(...(await inspect<string[]>(page, `layoutProblems('${width}px')`)));
    outcome.failures.push(...(await layoutRuleProblems(page, scenario, `${width}px`)));
    await page.addScriptTag({ path: AXE_SCRIPT });
    outcome.failures.push(...(await inspect<string[]>(page, 'contrastProblems()')));
    outcome.failures.push(...(await axeProblems(page, scenario, `${width}px`)));
    if (scenario.page !== undefined) {
      outcome.failures.push(...(await inspect<string[]>(page, 'pageProblems()')));
      // What the user sees first, without scrolling: the window at 1440×900.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({
        path: path.join(SCREENSHOT_DIR, `${scenario.name}@1440x900.png`),
        animations: 'disabled'
      });
      outcome.notes.push(`region widths: ${await inspect<string>(page, 'regionWidths()')}`);
    }
    outcome.screenshot = path.join(SCREENSHOT_DIR, `${scenario.name}.png`);
    await page.screenshot({ path: outcome.screenshot, fullPage: true, animations: 'disabled' });
    for (const region of scenario.regions ?? []) {
      outcome.failures.push(...(await checkRegion(page, scenario, region)));
    }
    if (scenario.regions?.length) await placeIn(page, width);
    let step = 0;
    for (const action of scenario.actions ?? []) {
      outcome.failures.push(...(await checkAction(page, labels, language, action)));
      if (action.activate) {
        // What the action led to (an opened form, an error, a hidden item), for people to look at.
        step += 1;
        await page.waitForTimeout(300);
        await page.screenshot({
          path: path.join(SCREENSHOT_DIR, `${scenario.name}.after-${step}.png`),
          fullPage: true,
          animations: 'disabled'
        });
        const what = `${action.role} "${resolveText(labels, language, action.name)}"`;
        outcome.failures.push(...(await checkStateAfter(page, scenario, width, step, what)));
      }
    }
    const { missingFixtures } = await inspect<Recorded>(page, 'recorded()');
    for (const missing of missingFixtures) {
      fail(
        `wire left unanswered: ${missing.tagName} asked ${missing.id} with ${JSON.stringify(missing.config)} ` +
          `and no fixture of the scenario matches it: add one (or { pending: true } to keep it loading on purpose)`
      );
    }
    // A spinner still turning at the end is a state the user is stuck in (often a missing fixture).
    const spinners = await page.evaluate<number>(
      `[...(document.getElementById('root')?.querySelectorAll('*') ?? [])].filter((e) =>
        (e.classList.contains('slds-spinner') || e.localName === 'lightning-spinner') &&
        e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length`
    );
    if (spinners > 0 && !scenario.loading) {
      const ids = [...new Set(missingFixtures.map((missing) => missing.id))];
      const why = ids.length ? ` (no fixture for ${ids.join(', ')})` : '';
      fail(`a spinner is still visible at the end of the scenario${why}: add the data it waits for`);
    }
  } catch (error) {
    fail(`the scenario crashed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await context.close();
  }
  outcome.ms = Date.now() - started;
  return expectFailures(scenario, knownTouchGaps(scenario, outcome));
}

function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Nothing leaves the machine: every request outside the local server is refused (and reported). */
async function blockOutside(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    return route.abort('blockedbyclient');
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const filters = argv.filter((a) => !a.startsWith('--'));
  if (!argv.includes('--no-compile')) {
    const problem = compileComponents();
    if (problem) {
      // Type errors are the build gate's to report (npm run build); tsc still wrote its output.
      console.log(`- note: ${problem.trim()}\n  (rendering tsc's output anyway)`);
    }
  }
  const labels = loadLabels();
  const all = await loadScenarios();
  const outcomes: Outcome[] = [];
  const selected = all.filter((s) => !filters.length || filters.some((f) => s.name.includes(f)));
  const runnable: Scenario[] = [];
  for (const scenario of selected) {
    if (scenario.html !== undefined || scenario.page !== undefined || existsSync(componentFile(scenario))) {
      runnable.push(scenario);
    } else {
      const why = componentSource(scenario)
        ? 'its compiled .js is missing (run without --no-compile)'
        : 'the component is not there yet';
      console.log(`- skip ${scenario.name}: ${why}`);
      outcomes.push({
        scenario: scenario.name,
        component: scenario.component,
        language: scenario.language ?? 'en',
        status: 'skipped',
        failures: [],
        notes: [why],
        ms: 0
      });
    }
  }
  if (!filters.length) {
    for (const name of uncoveredComponents(all)) {
      console.log(`- note: component ${name} has no browser scenario in test/browser/scenarios`);
    }
  }

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(path.join(OUT_DIR, 'pages'), { recursive: true });
  const buildStart = Date.now();
  const composed = new Map<string, ComposedPage>();
  const pages: Record<string, string[]> = {};
  for (const scenario of runnable.filter((s) => s.page !== undefined)) {
    const page = composeFlexipage(path.join(ROOT, scenario.page ?? ''), ROOT, [LWC_DIR, FIXTURE_LWC_DIR]);
    composed.set(scenario.name, page);
    if (!page.problems.length) {
      pages[pageEntry(scenario)] = page.regions.flatMap((r) => r.placements.map((p) => p.component));
    }
  }
  const built = runnable.length
    ? await buildComponents(
        runnable.filter((s) => s.html === undefined && s.page === undefined).map((s) => s.component),
        path.join(OUT_DIR, 'bundles'),
        pages
      )
    : new Map<string, BuiltComponent>();
  console.log(`built ${built.size} component(s) in ${((Date.now() - buildStart) / 1000).toFixed(1)}s`);

  const server = await serveStatic({
    '/assets/': SLDS_ASSETS,
    '/bundles/': path.join(OUT_DIR, 'bundles'),
    '/pages/': path.join(OUT_DIR, 'pages')
  });
  let browser: Browser | undefined;
  try {
    const open = await launchChromium();
    browser = open;
    const queue = [...runnable];
    const worker = async (): Promise<void> => {
      for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
        await runOne(scenario);
      }
    };
    const runOne = async (scenario: Scenario): Promise<void> => {
      const page = composed.get(scenario.name);
      const component: BuiltComponent | undefined =
        scenario.html !== undefined
          ? { labels: [] }
          : page?.problems.length
            ? { labels: [], error: '' }
            : built.get(page ? pageEntry(scenario) : scenario.component);
      if (!component) return;
      let outcome: Outcome;
      if (page?.problems.length) {
        // A page the gate cannot compose (a component that does not exist, a region its template lacks).
        outcome = expectFailures(scenario, {
          scenario: scenario.name,
          component: scenario.component,
          language: scenario.language ?? 'en',
          status: 'failed',
          failures: page.problems,
          notes: [],
          ms: 0
        });
      } else if (component.error !== undefined) {
        outcome = {
          scenario: scenario.name,
          component: scenario.component,
          language: scenario.language ?? 'en',
          status: 'failed',
          failures: [`build failed: ${component.error}`],
          notes: [],
          ms: 0
        };
      } else {
        writeFileSync(
          path.join(OUT_DIR, 'pages', `${scenario.name}.html`),
          scenario.html ?? pageHtml(scenario, component, labels, page)
        );
        const placed = page ? page.regions.flatMap((r) => r.placements.map((p) => p.component)) : [];
        outcome = await runScenario(
          open,
          server.origin,
          labels,
          scenario,
          component,
          scenario.html !== undefined ? [] : page ? placed : [scenario.component]
        );
      }
      outcomes.push(outcome);
      const mark = outcome.status === 'passed' ? '✔' : '✘';
      console.log(`${mark} ${scenario.name} — ${scenario.description} (${(outcome.ms / 1000).toFixed(1)}s)`);
      for (const failure of outcome.failures) console.log(`    ✘ ${failure}`);
      for (const note of outcome.notes) console.log(`    · ${note}`);
    };
    await Promise.all(Array.from({ length: Math.max(1, CONCURRENCY) }, () => worker()));
  } finally {
    await browser?.close();
    await server.close();
  }

  writeFileSync(path.join(OUT_DIR, 'results.json'), JSON.stringify(outcomes, null, 2) + '\n');
  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  const productRan = outcomes.filter(
    (o) => o.status !== 'skipped' && !all.find((s) => s.name === o.scenario)?.fixture
  ).length;
  console.log(
    `browser gate: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped; ` +
      `screenshots in ${path.relative(ROOT, SCREENSHOT_DIR)}/, results in ${path.relative(ROOT, OUT_DIR)}/results.json`
  );
  if (productRan === 0) {
    console.error(
      'browser gate: no product component scenario ran (their components are missing, or the filter matched none)'
    );
    return 1;
  }
  return count('failed') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  }
);
