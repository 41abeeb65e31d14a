/** The public surface of the dispute area. */
export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './dispute';
export { DISPUTE_LIMITS } from './validate';
