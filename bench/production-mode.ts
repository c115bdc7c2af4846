// Imported first by run.ts. Libraries read NODE_ENV once, when they load (graphql-js, for one, keeps costly
// development-only checks in every instanceOf otherwise), so it is set before anything else is imported:
// the bench measures the service as it runs in production.
process.env.NODE_ENV = 'production';
// The benches measure the service's work, not the rate limiter's refusals (B4 alone asks for 10,000 ratings a request).
process.env.RATE_LIMIT_ENABLED ??= 'false';

export {};
