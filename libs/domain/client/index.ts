/** The public surface of the client area. */
export * from './events';
export * from './commands';
export * from './errors';
export * from './state';
export * from './client';
export * from './tax-id';
export * from './ownership-at';
export { judge, profileFor } from './claim';
export { MAX_LEGAL_NAME, MAX_SEGMENT } from './register';
export { MAX_SUMMARY, CLOCK_SKEW_MS } from './interaction';
export { MAX_REASON } from './rules';
