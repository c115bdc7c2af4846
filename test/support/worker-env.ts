import { testEnv } from './test-env';

// Every test file in a Jest worker talks to that worker's own database and queue prefix.
Object.assign(process.env, testEnv());
