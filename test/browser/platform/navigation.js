// lightning/navigation for the browser gate: navigation is recorded, never performed.
import { recordNavigation } from './registry.js';
import { fixtureAdapter } from './wire.js';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      recordNavigation({ pageReference, replace: Boolean(replace) });
    }

    [GenerateUrl](pageReference) {
      return Promise.resolve(`#navigate:${encodeURIComponent(JSON.stringify(pageReference))}`);
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export const CurrentPageReference = fixtureAdapter('lightning/navigation.CurrentPageReference', 'raw');
