/**
 * Layer rules, checked in CI: the domain is pure (no NestJS, no drivers, no infrastructure, no I/O);
 * libraries never reach into apps; production code never imports test helpers.
 */
const drivers = '^node_modules/(@nestjs|better-sqlite3|mongodb|@eventstore|@grpc|mingo|express|pino|jose)';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds events, state, decide and evolve: no framework, driver or I/O',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { path: [`${drivers}`, '^libs/(event-store|read-models|projections)', '^apps/', '^(fs|net|http|https|child_process|node:fs|node:net|node:http|node:child_process)$'] },
    },
    {
      name: 'domain-no-node-modules',
      comment: 'the domain depends on nothing outside itself',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'core'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'ports-do-not-import-adapters',
      comment: 'the event store and read store ports know no adapter',
      severity: 'error',
      from: { path: '^libs/(event-store|read-models)/src/(port|errors|envelope|index)\\.ts$' },
      to: { path: '^libs/(event-store|read-models)/src/(sqlite|esdb|mongo)/' },
    },
    {
      name: 'projections-use-ports-only',
      comment: 'projections are written once for every adapter',
      severity: 'error',
      from: { path: '^libs/projections', pathNot: '(\\.spec\\.ts|/testing/)' },
      to: { path: ['^libs/(event-store|read-models)/src/(sqlite|esdb|mongo)/', `${drivers}`] },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '(\\.spec\\.ts|\\.e2e-spec\\.ts|/testing/)' },
      to: { path: '(\\.spec\\.ts|\\.e2e-spec\\.ts|/testing/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['^dist/'] },
  },
};
