// The gate's own probe component (test/browser/fixtures/lwc/c/browserGateProbe): proves the harness
// renders a component with labels, an Apex wire, base components and toasts.
import { label, text, type Scenario } from '../scenario.ts';

const GREETING = '@salesforce/apex/BrowserGateProbe.getGreeting';
const data = { [GREETING]: { data: { names: ['Ada Lovelace', 'Grace Hopper'] } } };

export const scenarios: Scenario[] = [
  {
    name: 'browserGateProbe-data',
    component: 'browserGateProbe',
    fixture: true,
    description: 'probe with two names',
    width: 400,
    fixtures: data,
    shows: [text('Browser gate probe'), text('Ada Lovelace'), text('Grace Hopper'), label('common_Retry')],
    hides: [label('common_UnknownError')],
    actions: [
      {
        role: 'button',
        name: label('common_Retry'),
        activate: { call: GREETING, toast: true }
      }
    ]
  },
  {
    name: 'browserGateProbe-error',
    component: 'browserGateProbe',
    fixture: true,
    description: 'probe when Apex fails',
    width: 400,
    fixtures: { [GREETING]: { error: { status: 500, body: { message: 'boom' } } } },
    shows: [label('common_UnknownError')]
  },
  {
    name: 'browserGateProbe-fr',
    component: 'browserGateProbe',
    fixture: true,
    language: 'fr',
    description: 'probe in French',
    width: 400,
    fixtures: data,
    shows: [label('common_Retry'), text('Ada Lovelace')]
  }
];

// The gate's self-test for a spinner that never stops: the wire's fixture never answers.
scenarios.push({
  name: 'browserGateProbe-endless-spinner',
  component: 'browserGateProbe',
  fixture: true,
  description: 'self-test: a spinner still visible at the end fails the scenario',
  width: 400,
  fixtures: { [GREETING]: { pending: true } },
  shows: [text('Browser gate probe')],
  expectFailures: ['^a spinner is still visible at the end of the scenario: add the data it waits for']
});

// The gate's self-test for wires without fixtures: the probe's one wire has none. The gate fails before
// rendering (read from the component's source: file, line, member, adapter) and after it (the wire asked
// with its configuration, by the component's tag), and the spinner says what it waits for.
scenarios.push({
  name: 'browserGateProbe-missing-wire-fixture',
  component: 'browserGateProbe',
  fixture: true,
  description: 'self-test: a wire of the component without a fixture fails the scenario',
  width: 400,
  shows: [text('Browser gate probe')],
  expectFailures: [
    '^no wire fixture: c-browser-gate-probe \\(test/browser/fixtures/lwc/c/browserGateProbe/browserGateProbe\\.js:\\d+, greeting\\) wires @salesforce/apex/BrowserGateProbe\\.getGreeting; ',
    '^wire left unanswered: c-browser-gate-probe asked @salesforce/apex/BrowserGateProbe\\.getGreeting with \\{\\} and no fixture of the scenario matches it',
    '^a spinner is still visible at the end of the scenario \\(no fixture for @salesforce/apex/BrowserGateProbe\\.getGreeting\\)'
  ]
});

// The same for a fixture whose entries all ask for another configuration: present, but it answers
// nothing this component asks, so only the check after rendering can see it.
scenarios.push({
  name: 'browserGateProbe-unmatched-wire-fixture',
  component: 'browserGateProbe',
  fixture: true,
  description: 'self-test: a wire whose fixture matches none of its configurations fails the scenario',
  width: 400,
  fixtures: { [GREETING]: [{ when: { team: 'Nobody' }, result: { data: { names: ['Ada Lovelace'] } } }] },
  shows: [text('Browser gate probe')],
  expectFailures: [
    '^wire left unanswered: c-browser-gate-probe asked @salesforce/apex/BrowserGateProbe\\.getGreeting with \\{\\} and no fixture',
    '^a spinner is still visible at the end of the scenario \\(no fixture for @salesforce/apex/BrowserGateProbe\\.getGreeting\\)'
  ]
});

// The gate's self-test: a component with known faults must fail each check it breaks.
scenarios.push({
  name: 'browserGateBroken-faults',
  component: 'browserGateBroken',
  fixture: true,
  description: 'self-test: every fault of the broken component is caught',
  width: 400,
  regions: ['phone'],
  // its faults are the other checks'; browserGateReveal-after-action proves the touch-target check
  touchTargets: false,
  layout: {
    aligned: ['.row-title', '.no-such-class'],
    sameLine: [{ within: '.person', first: '.person-name', then: '.person-badge' }]
  },
  shows: [text('Unreachable'), text('Text that is not there')],
  actions: [
    { role: 'button', name: text('Unreachable') },
    { role: 'button', name: text('No focus ring') },
    { role: 'button', name: text('Not on the page') }
  ],
  expectFailures: [
    '^label browserGate_DoesNotExist is not in labels/CustomLabels',
    '^text "Text that is not there" .* is not visible',
    '^console error: browser gate self-test',
    '^a custom label placeholder in the visible text',
    '^"undefined" in the visible text',
    '^at 400px: content overflows its 400px region',
    '^at phone \\(390px\\): content overflows its 390px region',
    '^at 400px: truncated text: <p class="slds-truncate narrow"> shows 120px of \\d+px: "Établissements',
    '^at phone \\(390px\\): truncated text: <p class="slds-truncate narrow">',
    '^at 400px: overlapping text: "Leading by example" .* and "Menant par l\'exemple"',
    '^at phone \\(390px\\): overlapping text: "Leading by example"',
    '^text contrast 2\\.\\d+:1 under 4\\.5:1 .*"Barely readable grey text"',
    '^button "Unreachable": never receives focus with Tab',
    '^button "No focus ring": no visible focus indicator',
    '^button "Not on the page": not found',
    '^at 400px: not aligned \\(\\.row-title\\): <span class="row-title"> "Title after a wide lead" starts at \\d+ px',
    '^at phone \\(390px\\): not aligned \\(\\.row-title\\)',
    '^at 400px: layout rule aligned "\\.no-such-class" matches 0 visible element',
    '^at phone \\(390px\\): layout rule aligned "\\.no-such-class" matches 0',
    '^at 400px: not on one line \\(\\.person\\): <span class="person-badge slds-badge"> "Admin" is pushed under',
    '^at phone \\(390px\\): not on one line \\(\\.person\\)',
    // a row's checkbox 18 px right of the select-all above its list (the first row is in line)
    '^at 400px: row checkbox not aligned with its select-all: <li class="pick_indented"> "Pick two" has its box at 18 px from the select-all "Select all picks"',
    '^at phone \\(390px\\): row checkbox not aligned with its select-all: <li class="pick_indented">'
  ]
});

// The gate's self-test for the state after an action and for touch targets by default: a component
// that is clean until "Show the details" (overlapping labels, faint text), with a 24 px "Close" button,
// a small link alone in its paragraph (both fail) and a link inside a sentence (WCAG 2.5.5/2.5.8's inline
// exception: it must not be reported, or the self-test fails on an unexpected failure), rendered at the
// sidebar, utility-bar and phone widths without `touchTargets` set.
scenarios.push({
  name: 'browserGateReveal-after-action',
  component: 'browserGateReveal',
  fixture: true,
  description:
    'self-test: faults that appear after an action, and small touch targets, are caught by default',
  regions: ['homeSidebar', 'utilityBar', 'phone'],
  shows: [text('Clean until the details are shown')],
  actions: [
    {
      role: 'button',
      name: text('Show the details'),
      activate: { shows: text('Barely readable grey detail') }
    }
  ],
  expectFailures: [
    // touch targets, on by default at the utility bar and the phone, before and after the action
    '^at utilityBar \\(420px\\): touch target \\d+×24 px under 44×44 px: <button class="slds-button slds-button_neutral tiny"> "Close"',
    '^at phone \\(390px\\): touch target \\d+×24 px under 44×44 px: <button[^>]*tiny"> "Close"',
    '^after button "Show the details": at utilityBar \\(420px\\): touch target .*"Close"',
    '^after button "Show the details": at phone \\(390px\\): touch target .*"Close"',
    // a link alone in its block is a target like any other; the link inside a sentence is exempt
    '^at utilityBar \\(420px\\): touch target \\d+×\\d+ px under 44×44 px: <a class="lone-link"> "A link on its own"',
    '^at phone \\(390px\\): touch target \\d+×\\d+ px under 44×44 px: <a class="lone-link"> "A link on its own"',
    '^after button "Show the details": at utilityBar \\(420px\\): touch target .*<a class="lone-link">',
    '^after button "Show the details": at phone \\(390px\\): touch target .*<a class="lone-link">',
    // the revealed faults, at the first width and in every region
    '^after button "Show the details": at 468px: overlapping text: "Leading by example" .* and "Menant par l\'exemple"',
    '^after button "Show the details": at homeSidebar \\(468px\\): overlapping text: "Leading by example"',
    '^after button "Show the details": at utilityBar \\(420px\\): overlapping text: "Leading by example"',
    '^after button "Show the details": at phone \\(390px\\): overlapping text: "Leading by example"',
    // inside one layer (a menu) overlap counts; the text the menu covers is not reported
    '^after button "Show the details": at 468px: overlapping text: "Menu item one" .* and "Menu item two"',
    '^after button "Show the details": at homeSidebar \\(468px\\): overlapping text: "Menu item one"',
    '^after button "Show the details": at utilityBar \\(420px\\): overlapping text: "Menu item one"',
    '^after button "Show the details": at phone \\(390px\\): overlapping text: "Menu item one"',
    '^after button "Show the details": text contrast 2\\.\\d+:1 under 4\\.5:1 .*"Barely readable grey detail"'
  ]
});
