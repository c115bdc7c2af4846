import { testEnv } from './test-env';

// Every test file in a Jest worker talks to that worker's own database and queue prefix.
Object.assign(process.env, testEnv());

// @nestjs/graphql keeps its type metadata on the global object, which outlives Jest's per-file module
// registry within one worker: the next file's schema would then mix classes of two module generations
// ("Cannot determine a GraphQL output type"). Each test file starts with empty storages.
const graphqlGlobals = global as unknown as Record<string, unknown>;
delete graphqlGlobals.GqlTypeMetadataStorage;
delete graphqlGlobals.GqlLazyMetadataStorageHost;
