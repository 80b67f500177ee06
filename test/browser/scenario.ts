// What a browser-gate scenario says: which component, in which language, with which platform data,
// and what a person must see and be able to do with the keyboard.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HOME_SIDEBAR_WIDTH } from './flexipage.ts';
import type { Language } from './labels.ts';

/**
 * What a wire adapter or an imperative call gets: Apex and LDS `{ data }` or `{ error }`, graphql
 * `{ data, errors }`; `{ pending: true }` never answers (a loading state shown on purpose). Every wire of
 * a scenario's components needs one (test/browser/wire-fixtures.ts), or the scenario fails.
 */
export interface FixtureResult {
  data?: unknown;
  error?: { status?: number; statusText?: string; body?: unknown; message?: string };
  errors?: unknown[];
  pending?: true;
}

/**
 * One result, or results chosen by the wire configuration (or Apex parameters) they are asked with and,
 * with `after`, by a call the component made before (the data the server returns after an action:
 * a refresh then shows it; `id#n` once it made that call n times, as an Undo after the action).
 * `queryIncludes`: only a GraphQL query containing this text (two components of one page, two queries).
 * The first matching entry wins, so put `after` entries first.
 */
export type Fixture =
  | FixtureResult
  | { when?: Record<string, unknown>; after?: string; queryIncludes?: string; result: FixtureResult }[];

/**
 * The regions Lightning pages give components, in CSS pixels, inside a 1440×900 desktop viewport
 * (the phone: a 390×844 viewport). Home main: the 2/3 column of a Home page at 1440 px; Home sidebar:
 * its 1/3 column, as the composed page gives it (flexipage.ts, 468 px); utility bar: the widest utility panel; phone: the Salesforce mobile app on a 390 px
 * phone (iPhone 12 to 15).
 */
export const REGIONS = {
  homeMain: 920,
  homeSidebar: HOME_SIDEBAR_WIDTH,
  utilityBar: 420,
  phone: 390
} as const;

export type Region = keyof typeof REGIONS;

/** Text a person must see: a custom label (in the scenario's language) or literal text (fixture data). */
export type Text = { label: string } | { text: string };

/** What pressing Enter on an action must do. */
export interface ActionEffect {
  /** A platform call was made, by module export id: `@salesforce/apex/Cls.method`, `lightning/uiRecordApi.updateRecord`. */
  call?: string;
  /** A navigation happened (NavigationMixin.Navigate). */
  navigation?: boolean;
  /** A toast was shown. */
  toast?: boolean;
  /** This text is visible afterwards. */
  shows?: Text;
  /** The component fired this DOM event (listened for on its host). */
  event?: string;
}

export interface Action {
  /** ARIA role of the control, as a person using assistive technology finds it. */
  role: 'button' | 'link' | 'checkbox' | 'tab' | 'combobox' | 'menuitem' | 'textbox' | 'radio';
  /** Its accessible name (a case-insensitive substring, unless `exact`). */
  name: Text;
  exact?: boolean;
  /** When given, Enter (or Space for checkboxes) is pressed on it and this must follow. */
  activate?: ActionEffect;
  /**
   * The keys pressed to activate it, in order, instead of Enter/Space: a combobox is opened and an
   * option chosen from the keyboard (`['Enter', 'ArrowDown', 'Enter']`).
   */
  press?: string[];
  /**
   * For a file input: these files are chosen (as a person picking them in the file dialog) instead of
   * pressing keys, and `activate` must follow.
   */
  files?: { name: string; content: string }[];
}

export interface Scenario {
  /** Unique; the screenshot is reports/screenshots/<name>.png. */
  name: string;
  /** Folder under force-app/main/default/lwc (or test/browser/fixtures/lwc/c when `fixture`). */
  component: string;
  /** One line: the state shown. */
  description: string;
  language?: Language;
  /** True for the gate's own fixture components (they do not count as product scenarios). */
  fixture?: boolean;
  /**
   * A whole page instead of a component (the sync's HTML report): rendered as it is, its <body> taken
   * as the region; labels and mounting do not apply.
   */
  html?: string;
  /**
   * A whole Lightning page composed from its flexipage (project-relative path of a .flexipage-meta.xml):
   * every component it places, in its region, at the template's widths in the 1440×900 window, under
   * Lightning's header (test/browser/flexipage.ts). `component` is then the page's name. Besides the
   * usual checks, no region may overflow, hold an empty card or leave a blank column; the window as the
   * user first sees it is saved as reports/screenshots/<name>@1440x900.png.
   */
  page?: string;
  /** Width of the region the component sits in, in CSS pixels (a Lightning page column). */
  width?: number;
  /**
   * The real regions the component is placed in: after the checks at `width`, the region is resized to
   * each, and the layout is checked there (overflow, truncated and overlapping text, contrast) and
   * photographed (reports/screenshots/<name>@<region>.png).
   */
  regions?: Region[];
  /** @api properties set on the component before it is inserted. */
  props?: Record<string, unknown>;
  /** Data by module export id: `@salesforce/apex/Cls.method`, `lightning/uiRecordApi.getRecord`, `lightning/graphql.graphql`, `lightning/navigation.CurrentPageReference`. */
  fixtures?: Record<string, Fixture>;
  userId?: string;
  /** The clock of the page (ISO date-time), for components that compute "today"; timers keep running. */
  now?: string;
  permissions?: Record<string, boolean>;
  /**
   * At the phone and utility-bar widths, every control must offer a touch area of at least 44 × 44 px
   * (WCAG 2.5.5): its own box, its label's, or a `.touch-target` wrapper's that passes taps on to it.
   * On by default; `false` turns it off (the gate's self-tests only).
   */
  touchTargets?: boolean;
  /**
   * Work first: at least `min` elements matching `selector` (inside the component) must be fully visible
   * without scrolling in the 1440×900 window, when the component sits `offset` px below the top of the
   * window (what the real page puts above it: Lightning's header and navigation bar, and any component
   * placed above it). Checked at the scenario's first width. On a composed `page`, the offset is 0 (the
   * page draws Lightning's header itself) and `selector` names the region (`#region-top c-action-item`).
   */
  aboveTheFold?: { selector: string; min: number; offset: number };
  /**
   * axe-core rules checked besides color-contrast, at the first width and in each region (where a table
   * overflows, e.g. at 390 px); any violation fails the scenario. For whole pages such as the sync's
   * report: scrollable-region-focusable, empty-table-header.
   */
  axeRules?: string[];
  /**
   * The scenario is the loading state itself: a spinner may still show at its end. Any other scenario
   * fails when a spinner is visible once its actions are done (a wire that never answers).
   */
  loading?: boolean;
  /**
   * Layout rules of the component, checked at the first width and in each region (also after actions):
   * - `aligned`: the visible elements matching each selector start at one left edge (±1 px), as the
   *   titles of a list whose rows lead with different controls (a checkbox, an icon);
   * - `sameLine`: inside each element matching `within`, the first `then` sits on a line of the first
   *   `first` (its vertical middle between their top and bottom), as a badge kept beside a name that
   *   wraps instead of being pushed under it.
   * A rule that matches nothing fails, so that a renamed class cannot silence it.
   */
  layout?: { aligned?: string[]; sameLine?: Array<{ within: string; first: string; then: string }> };
  /** Texts that must be visible. */
  shows: Text[];
  /** Texts that must not be visible (for example the empty-state message when there is data). */
  hides?: Text[];
  /** The main actions: each must be reachable with Tab and show a focus indicator. */
  actions?: Action[];
  /**
   * For the gate's self-test only: the failures this scenario must produce (regular expressions). It
   * passes when each pattern matches a failure and each failure matches a pattern.
   */
  expectFailures?: string[];
  /** Milliseconds to wait for the expected texts (default 10000). */
  timeoutMs?: number;
}

const LWC_DIR = path.resolve(__dirname, '../../force-app/main/default/lwc');

/**
 * A component's jest fixture, force-app/main/default/lwc/<component>/__tests__/data/<file>, so the
 * browser renders the same data the unit tests use; `fallback` while the file does not exist yet.
 */
export function jestData(component: string, file: string, fallback?: unknown): unknown {
  const full = path.join(LWC_DIR, component, '__tests__', 'data', file);
  if (existsSync(full)) return JSON.parse(readFileSync(full, 'utf8')) as unknown;
  if (fallback === undefined) throw new Error(`missing jest fixture ${path.relative(process.cwd(), full)}`);
  return fallback;
}

/**
 * One wire fixture answering by object, for an adapter several components of a scenario wire with
 * different objects (keyUserNetwork's Key_User__c and its child's Training_Attendance__c through
 * getObjectInfo): an entry per `objectApiName`, so a component asking for another object fails the
 * scenario instead of receiving the wrong object's information.
 */
export function byObject(results: Record<string, FixtureResult>): Fixture {
  return Object.entries(results).map(([objectApiName, result]) => ({ when: { objectApiName }, result }));
}

export const label = (name: string): Text => ({ label: name });
export const text = (value: string): Text => ({ text: value });
