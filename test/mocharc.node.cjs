// `npm run test:node`: the tests whose verdict can change with the Node that runs the
// generator, for a second Node in CI: unit, scenarios, property-based inputs, the real
// yo, and the integration tests that run the generator in more ways than the scenarios
// do (repositories, update). The other integration tests run Python on what the
// generator wrote, the same files on any Node, so they run once, in `npm test`.
const base = require('../.mocharc.json');

const alsoOnEveryNode = ['test/integration/repositories.test.ts', 'test/integration/update.test.ts'];

module.exports = {
  ...base,
  spec: [...base.spec.filter((pattern) => !pattern.startsWith('test/integration/')), ...alsoOnEveryNode],
};
