/** One Jest run covers unit, contract and end-to-end specs; none needs an external service. */
const swcConfig = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/bench', '<rootDir>/tools', '<rootDir>/examples'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swcConfig] },
  moduleNameMapper: {
    '^@cl/domain/(.*)$': '<rootDir>/libs/domain/$1',
    '^@cl/event-store$': '<rootDir>/libs/event-store/src',
    '^@cl/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@cl/read-models$': '<rootDir>/libs/read-models/src',
    '^@cl/read-models/(.*)$': '<rootDir>/libs/read-models/src/$1',
    '^@cl/projections$': '<rootDir>/libs/projections/src',
    '^@cl/projections/(.*)$': '<rootDir>/libs/projections/src/$1',
    '^@cl/personal-data$': '<rootDir>/libs/personal-data/src',
    '^@cl/personal-data/(.*)$': '<rootDir>/libs/personal-data/src/$1',
  },
  testTimeout: 30000,
};
