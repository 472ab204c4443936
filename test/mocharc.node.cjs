// `npm run test:node`: the tests whose verdict can change with the Node that runs the
// generator (unit, scenarios, property-based inputs, the real yo), for a second Node in
// CI. The integration tests run Python on what the generator wrote, the same files on
// any Node, so they run once, in `npm test`.
const base = require('../.mocharc.json');

module.exports = { ...base, spec: base.spec.filter((pattern) => !pattern.startsWith('test/integration/')) };
