// Deterministic demo data for the credit service: pure, seeded, no Nest, no TypeORM, no I/O.
export { generateDemoData } from './generate-demo-data';
export type { DemoOptions, DemoDataSet } from './demo-data-set';
export { demoSizes } from './generate/demo-sizes';
export type { DemoSizes } from './generate/demo-sizes';
// Reused by the benchmarks for seeded, skewed workloads.
export { Prng } from './random/prng';
export { ZipfSampler } from './random/zipf-sampler';
export { WeightedSampler } from './random/weighted-sampler';
export { WeightedChoice } from './random/weighted-choice';
export type { UniformSource } from './random/uniform-source';
