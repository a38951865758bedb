// The report: what is built (build), when and where it goes (schedule), with the employee's consent
// (consent), what is POSTed (payload) and how (delivery).
export * from './build';
export * from './consent';
export * from './delivery';
export * from './payload';
export * from './schedule';
