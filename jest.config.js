// Two projects: fast pure unit tests beside the code, and integration suites in test/ that run against
// the real MariaDB and Redis that globalSetup starts once (scripts/services.sh, test profile) and
// globalTeardown stops again, unless they were already running (`npm run services -- up --test`).
const { pathsToModuleNameMapper } = require('./scripts/jest-paths');

const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, keepClassNames: true } }];
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(),
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', rootDir: __dirname, testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout.ts', '<rootDir>/test/support/response-scan.ts'],
      slowTestThreshold: 30,
    },
    // Fault scenarios (quality.md R1-R4, R6, health; R5 is in-process: test/security/r5-request-bombs, which npm run test:faults runs too): each file starts servers of its own (test/faults/support),
    // kills and restarts them and the real API and worker processes; no shared globalSetup.
    {
      ...common,
      displayName: 'faults',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/faults/support/timeout.ts', '<rootDir>/test/faults/support/response-scan.ts'],
      slowTestThreshold: 120,
    },
  ],
};
