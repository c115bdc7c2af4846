// The pure rules of the service: no Nest, no TypeORM, no I/O. Everything here is a function of its inputs.
export * from './model';
export * from './identifiers';
export * from './calendar';
export * from './validation';
export * from './rules';
export * from './scoring';
export * from './practitioner';
export * from './insured';
export * from './lists';
export * from './exports';
export * from './disclosures';
