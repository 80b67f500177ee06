// The browser gate's reading of flexipages (test/browser/flexipage.ts): what the composed pages are made of,
// and the faults that stop a page from being composed, each named with the file and the element.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { columnWidth, composeFlexipage, HOME_SIDEBAR_WIDTH, mountList, pageMarkup } from './flexipage.ts';
import { REGIONS } from './scenario.ts';

const ROOT = path.resolve(__dirname, '../..');
const LWC = path.join(ROOT, 'force-app/main/default/lwc');
const REP_HOME = path.join(
  ROOT,
  'force-app/main/default/flexipages/Adoption_Cockpit_Rep_Home.flexipage-meta.xml'
);

describe('composeFlexipage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'flexipage-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the Rep Home with `edit` applied, composed as the gate does. */
  function composeCopy(edit: (xml: string) => string) {
    const file = path.join(dir, 'Copy.flexipage-meta.xml');
    writeFileSync(file, edit(readFileSync(REP_HOME, 'utf8')));
    return composeFlexipage(file, dir, [LWC]);
  }

  it('reads the Rep Home: the list across the main column, then the sponsor card above the benefits in the sidebar', () => {
    const page = composeFlexipage(REP_HOME, ROOT, [LWC]);
    expect(page.problems).toEqual([]);
    expect(page.template).toBe('home:desktopTemplate');
    expect(page.regions.map((r) => [r.name, r.placements.map((p) => p.component)])).toEqual([
      ['top', ['dailyActionList']],
      ['sidebar', ['sponsorMessages', 'benefitsPanel']]
    ]);
    // typed as the js-meta.xml declares them: Integer and Boolean
    expect(page.regions[0]?.placements[0]?.props).toEqual({ itemsToShow: 10, quietDays: 0 });
    expect(page.regions[1]?.placements[0]?.props).toEqual({ hideWhenEmpty: true });
    expect(mountList(page).map((m) => m.slot)).toEqual(['region-top', 'region-sidebar', 'region-sidebar']);
    expect(pageMarkup(page)).toContain('class="slds-global-header');
  });

  it('names the file and element of a component that does not exist', () => {
    const page = composeCopy((xml) => xml.replace('>benefitsPanel<', '>benefitPanel<'));
    expect(page.problems).toEqual([
      'Copy.flexipage-meta.xml: <componentName>benefitPanel</componentName> (region sidebar, identifier c_benefitsPanel): no Lightning web component benefitPanel in force-app/main/default/lwc'
    ]);
  });

  it('names a region the template does not have', () => {
    const page = composeCopy((xml) => xml.replace('<name>sidebar</name>', '<name>rightColumn</name>'));
    expect(page.problems).toEqual([
      'Copy.flexipage-meta.xml: <flexiPageRegions><name>rightColumn</name>: template home:desktopTemplate has no region rightColumn'
    ]);
  });

  it('names a template the gate cannot lay out', () => {
    const page = composeCopy((xml) => xml.replace('home:desktopTemplate', 'home:customTemplate'));
    expect(page.problems[0]).toMatch(
      /^Copy\.flexipage-meta\.xml: <template><name>home:customTemplate<\/name>: the browser gate has no layout/
    );
  });
});

describe('the Home sidebar region', () => {
  it('is the width the composed Standard Home Page gives its sidebar at 1440 px: 468 px', () => {
    // 1440 - 2 × 12 px margin - 12 px gutter = 1404 px, of which the sidebar has 1 share in 3
    expect(columnWidth('home:desktopTemplate', 1)).toBe(468);
    expect(columnWidth('home:desktopTemplate', 0)).toBe(936);
    expect(REGIONS.homeSidebar).toBe(HOME_SIDEBAR_WIDTH);
  });

  it('names the template when a column does not exist', () => {
    expect(() => columnWidth('home:unknown', 0)).toThrow('no column 0 in template "home:unknown"');
  });
});
