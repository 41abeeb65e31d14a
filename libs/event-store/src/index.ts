export * from './port';
export * from './errors';
export * from './envelope';
export * from './canonical-json';
export * from './event-id';
