/**
 * Anything that yields uniform numbers in [0, 1). The samplers take this rather than a concrete generator so
 * that benchmarks can drive them with their own stream (or a fixed sequence in a test).
 */
export interface UniformSource {
  next(): number;
}
