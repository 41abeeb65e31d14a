export * from './hash-chain';
export * from './chained-event-store';
export * from './digester';
export * from './verifier';
export * from './verify-export';
