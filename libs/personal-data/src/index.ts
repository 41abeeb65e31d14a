export * from './encrypted-value';
export * from './errors';
export * from './subject-key-store';
export * from './read-store-subject-key-store';
export * from './vault';
