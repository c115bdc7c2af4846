// Integration tests spawn processes and wait on real servers; a loaded 2-core CI machine needs room.
// (Jest reads `testTimeout` only from the top-level config, not per project, hence this file.)
jest.setTimeout(180_000); // a hang guard, not a speed check: CLI-spawning tests took up to ~110 s with a benchmark running beside them
