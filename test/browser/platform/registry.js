// Scenario registry, read in the browser. The page carries its scenario as JSON
// (<script type="application/json" id="scenario">) written by the runner, so every fixture module
// can read it while its module is evaluated, before any component is created.
// What components do with the platform (Apex calls, record writes, navigation, toasts) is recorded
// on window.__browserGate for the runner to assert on.

const element = document.getElementById('scenario');
export const scenario = element ? JSON.parse(element.textContent || '{}') : {};

const recorded = {
  wireConfigs: [],
  calls: [],
  navigations: [],
  toasts: [],
  missingFixtures: [],
  events: []
};
window.__browserGate = recorded;

/** Records a call made by a component to a platform module (Apex, record writes, refresh). */
export function recordCall(id, params) {
  recorded.calls.push({ id, params: params === undefined ? null : params });
}

export function recordNavigation(pageReference) {
  recorded.navigations.push(pageReference);
}

export function recordToast(detail) {
  recorded.toasts.push(detail);
}

/**
 * The fixture for a module export id such as `@salesforce/apex/Cls.method` or
 * `lightning/uiRecordApi.getRecord`, or undefined when the scenario gives none.
 * A fixture is either one result or a list of `{ when, result }`, where `when` holds the wire
 * configuration values to match (the first matching entry wins; an entry without `when` matches all),
 * and `after` a call id (`lightning/uiRecordApi.updateRecord`): the entry matches only once the component
 * made that call, so a refresh after an action shows the data as the server would then return it.
 * `queryIncludes` tells GraphQL wires of a composed page apart: the entry matches a query containing it.
 */
export function fixtureFor(id, config) {
  const fixtures = scenario.fixtures || {};
  if (!Object.prototype.hasOwnProperty.call(fixtures, id)) {
    return undefined;
  }
  const fixture = fixtures[id];
  if (!Array.isArray(fixture)) {
    return fixture;
  }
  const match = fixture.find(
    (entry) =>
      (!entry.after || madeCall(entry.after)) &&
      (!entry.queryIncludes || String((config || {}).query || '').includes(entry.queryIncludes)) &&
      (!entry.when ||
        Object.keys(entry.when).every(
          (key) => JSON.stringify((config || {})[key]) === JSON.stringify(entry.when[key])
        ))
  );
  return match ? match.result : undefined;
}

/**
 * Whether the component made a call: `id`, or `id#n` for its n-th call (a second updateRecord is the
 * Undo of the first, so the data after it is the data before the first).
 */
function madeCall(after) {
  const [id, nth] = after.split('#');
  const count = recorded.calls.filter((call) => call.id === id).length;
  return count >= (nth ? Number(nth) : 1);
}

/**
 * A wire asked for data the scenario has no fixture for (none for its id, or none whose `when` matches
 * its configuration): it stays loading. The runner fails the scenario on it, naming the component.
 * @param tagName the asking component's tag (the LWC engine gives it to the adapter), or undefined
 */
export function noteMissingFixture(id, tagName, config) {
  const what = { id, tagName: tagName || '?', config: config === undefined ? null : config };
  const key = JSON.stringify(what);
  if (!recorded.missingFixtures.some((known) => JSON.stringify(known) === key)) {
    recorded.missingFixtures.push(what);
    console.info(`[browser-gate] no fixture for ${id} asked by ${what.tagName}: it stays loading`);
  }
}

/** A fixture `{ pending: true }`: a wire the scenario leaves unanswered on purpose (its loading state). */
export function isPending(fixture) {
  return Boolean(fixture && !Array.isArray(fixture) && fixture.pending === true);
}

export function recordWireConfig(id, config) {
  recorded.wireConfigs.push({ id, config: config === undefined ? null : config });
}

/** A custom label in the scenario's language; the placeholder `c.Name` when it has no value. */
export function label(name) {
  const labels = scenario.labels || {};
  return Object.prototype.hasOwnProperty.call(labels, name) ? labels[name] : `c.${name}`;
}
