/** The public surface of the promotion budget area. */
export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './balance';
export * from './promotion';
export { PROMOTION_LIMITS } from './validate';
