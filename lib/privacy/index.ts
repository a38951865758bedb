export * from './report';
export * from './schedule';
