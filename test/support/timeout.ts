// Integration tests spawn processes and wait on real servers; a loaded 2-core CI machine needs room.
// (Jest reads `testTimeout` only from the top-level config, not per project, hence this file.)
jest.setTimeout(60_000);
