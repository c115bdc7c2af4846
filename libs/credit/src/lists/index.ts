export * from './list-kind';
export * from './list-membership';
export * from './list-rules';
export * from './list-memberships';
export * from './deadlines';
export * from './repair-conditions';
