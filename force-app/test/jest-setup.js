// Adds toBeAccessible() (axe-core rules as used by Salesforce) to every component test.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
