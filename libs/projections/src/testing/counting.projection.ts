/**
 * A projection for tests whose result shows any double or missed apply: per-stream counters with
 * $inc, plus the ordered list of revisions seen per stream.
 */
import type { Projection } from '../projection';

export const countingSchemas = { Counted: { version: 1 } };

export const countingProjection: Projection = {
  name: 'counting',
  collections: ['counters'],
  project: (e) =>
    e.type === 'Counted'
      ? [
          { op: 'update', collection: 'counters', filter: { _id: e.stream }, update: { $inc: { count: 1 }, $push: { revisions: e.revision } }, upsert: true },
          { op: 'update', collection: 'counters', filter: { _id: '$total' }, update: { $inc: { count: 1 } }, upsert: true },
        ]
      : [],
};
