// The pure part of `import:events FILE.csv`: header check, row conversion and the rejected-rows report.
export * from './event-csv-header';
export * from './event-csv-row';
export * from './rejected-rows-report';
export * from './csv-record-lines';
export * from './event-csv-importer';
