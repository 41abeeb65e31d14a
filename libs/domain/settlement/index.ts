/** The public surface of the settlement area. */
export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './settlement';
export * from './periods';
