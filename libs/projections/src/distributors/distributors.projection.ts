import type { DistributorEvent } from '@cl/domain/distributor/events';
import type { Doc } from '@cl/read-models';
import type { Projection, ProjectedEvent } from '../projection';

export const DISTRIBUTORS = 'distributors';

export interface DistributorView extends Doc {
  _id: string;
  name: string;
  territories: string[];
  registeredAt: string;
  /** Stream revision of the last event applied: the ETag clients send back as If-Match. */
  revision: number;
}

export const distributorsProjection: Projection = {
  name: 'distributors',
  collections: [DISTRIBUTORS],
  project(event) {
    const e = event as ProjectedEvent<DistributorEvent>;
    switch (e.type) {
      case 'DistributorRegistered':
        return [
          {
            op: 'replace',
            collection: DISTRIBUTORS,
            doc: { _id: e.data.distributorId, name: e.data.name, territories: e.data.territories, registeredAt: e.data.registeredAt, revision: e.revision },
          },
        ];
      case 'DistributorRenamed':
        return [{ op: 'update', collection: DISTRIBUTORS, filter: { _id: e.data.distributorId }, update: { $set: { name: e.data.name, revision: e.revision } } }];
      default:
        return [];
    }
  },
};
