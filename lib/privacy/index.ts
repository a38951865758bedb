export * from './report';
export * from './schedule';
export * from './consent';
