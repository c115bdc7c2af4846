export * from './enums';
export * from './credit-event';
