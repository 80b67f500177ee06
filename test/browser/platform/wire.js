// Minimal LWC OSS wire adapters that emit a scenario's fixtures: constructor(dataCallback),
// connect(), update(config), disconnect(), as the LWC engine calls them.
import { fixtureFor, isPending, noteMissingFixture, recordWireConfig } from './registry.js';

/**
 * A wire adapter class for the module export `id`.
 * shape 'result' emits `{ data, error }` (Apex, LDS), 'graphql' emits `{ data, errors }`,
 * 'raw' emits the fixture value itself (CurrentPageReference).
 */
const live = new Set();

/**
 * Emits every connected wire again with the fixture that now matches (entries with `after`), as the
 * platform does on refreshApex, refreshGraphQL or a record change. Resolves once they are emitted.
 */
export function reemitAll() {
  for (const adapter of live) {
    if (adapter.config !== undefined) adapter.update(adapter.config, true);
  }
  return Promise.resolve();
}

export function fixtureAdapter(id, shape = 'result') {
  return class FixtureWireAdapter {
    // sourceContext: { tagName } of the component that wires it (LWC engine's createConnector)
    constructor(dataCallback, sourceContext) {
      this.dataCallback = dataCallback;
      this.tagName = sourceContext ? sourceContext.tagName : undefined;
      this.disconnected = false;
      this.config = undefined;
    }

    connect() {
      this.disconnected = false;
      live.add(this);
    }

    disconnect() {
      this.disconnected = true;
      live.delete(this);
    }

    update(config, again) {
      this.config = config;
      if (!again) recordWireConfig(id, config);
      const fixture = fixtureFor(id, config);
      if (fixture === undefined) {
        noteMissingFixture(id, this.tagName, config);
        return;
      }
      if (isPending(fixture)) return;
      const value = toWireValue(fixture, shape);
      // Asynchronous, like a server round trip, so components see their loading state first.
      Promise.resolve().then(() => {
        if (!this.disconnected) {
          this.dataCallback(value);
        }
      });
    }
  };
}

function toWireValue(fixture, shape) {
  if (shape === 'raw') {
    return fixture;
  }
  if (shape === 'graphql') {
    return { data: fixture.data, errors: fixture.errors, refresh: () => reemitAll() };
  }
  return { data: fixture.data, error: fixture.error === undefined ? undefined : toError(fixture.error) };
}

/** Apex and LDS errors reach components as `{ body, ok, status, statusText }`. */
export function toError(error) {
  return {
    ok: false,
    status: error.status === undefined ? 500 : error.status,
    statusText: error.statusText === undefined ? 'Server Error' : error.statusText,
    body: error.body === undefined ? { message: String(error.message || 'Error') } : error.body
  };
}

/** A callable wire adapter: a function components can call imperatively, and an @wire adapter. */
export function callableAdapter(id, shape, imperative) {
  const callable = (...args) => imperative(...args);
  callable.adapter = fixtureAdapter(id, shape);
  return callable;
}

/** An imperative call that resolves with the fixture's data or rejects with its error. */
export function imperativeResult(id, params, fallback) {
  const fixture = fixtureFor(id, params);
  if (fixture === undefined) {
    return Promise.resolve(fallback);
  }
  if (isPending(fixture)) {
    return new Promise(() => {});
  }
  if (fixture.error !== undefined) {
    return Promise.reject(toError(fixture.error));
  }
  return Promise.resolve(fixture.data);
}
