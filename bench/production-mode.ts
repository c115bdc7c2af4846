// Imported first by run.ts. Libraries read NODE_ENV once, when they load (graphql-js, for one, keeps costly
// development-only checks in every instanceOf otherwise), so it is set before anything else is imported:
// the bench measures the service as it runs in production.
process.env.NODE_ENV = 'production';

export {};
