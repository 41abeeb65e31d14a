/**
 * What a distributor may see of clients: those it owns and those in its territories in force (the
 * company and compliance see all). Another distributor's client is answered as one that does not
 * exist (404), never 403, so a distributor cannot even learn that it exists.
 */
import { Inject, Injectable } from '@nestjs/common';
import { coversTerritory } from '@cl/domain/policy/division';
import { sameSide, type Side } from '@cl/domain/shared/sides';
import { READ_STORE, type Filter, type ReadStore } from '@cl/read-models';
import { DISTRIBUTORS, type DistributorView } from '@cl/projections/distributors/distributors.projection';
import { territoriesInForce } from '@cl/projections/distributors/territories-in-force';
import type { Principal } from '../shared/auth/principal';
import { ApiProblem } from '../shared/problem/problem';

export interface ClientPlacement {
  territory: string;
  owner: Side | null;
}

@Injectable()
export class ClientVisibility {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  /** The distributor's territories in force now (those it was registered with when no policy governs). */
  async territoriesOf(distributorId: string, at = new Date()): Promise<string[]> {
    const doc = await this.reads.findOne<DistributorView>(DISTRIBUTORS, { _id: distributorId });
    return doc ? territoriesInForce(doc, at) : [];
  }

  async canSee(viewer: Principal, client: ClientPlacement): Promise<boolean> {
    if (viewer.party !== 'distributor') return true;
    const side: Side = { party: 'distributor', distributorId: viewer.distributorId ?? '' };
    if (sameSide(client.owner, side)) return true;
    return coversTerritory(await this.territoriesOf(side.distributorId), client.territory);
  }

  /** Throws the same 404 as for a client that does not exist when the viewer may not see it. */
  async assertVisible(viewer: Principal, clientId: string, client: ClientPlacement | undefined): Promise<void> {
    if (!client || !(await this.canSee(viewer, client))) throw clientNotFound(clientId);
  }

  /** A read-model filter narrowing the `clients` collection (and those keyed like it) to what the viewer may see. */
  async clientFilter(viewer: Principal): Promise<Filter> {
    if (viewer.party !== 'distributor') return {};
    const territories = await this.territoriesOf(viewer.distributorId ?? '');
    return { $or: [{ ownerKey: `distributor:${viewer.distributorId}` }, { territoryPath: { $in: territories } }] };
  }
}

export const clientNotFound = (clientId: string) => new ApiProblem(404, 'CLIENT.NOT_FOUND', `Client ${clientId} was not found`);
