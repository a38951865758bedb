export * from './export';
export * from './import';
export * from './csv';
