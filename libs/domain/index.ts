export * from './shared/types';
export * from './shared/errors';
export * from './shared/schemas';
