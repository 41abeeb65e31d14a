/** Metadata every event carries. The actor comes from the verified token, never from a request body. */
export type Party = 'company' | 'distributor' | 'compliance' | 'system';

export interface Actor {
  party: Party;
  userId: string;
  distributorId?: string;
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** ISO-8601 instant at which the command was accepted. */
  recordedAt: string;
  idempotencyKey?: string;
  /** Hash of the request that carried the key: the same key with another request is refused. */
  requestFingerprint?: string;
  /** Hash chain (see audit/hash-chain.ts): this event's hash and its stream predecessor's. Set by ChainedEventStore. */
  prevHash?: string;
  hash?: string;
}
