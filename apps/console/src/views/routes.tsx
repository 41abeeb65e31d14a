/** Which view a hash route shows. */
import type { Route } from '../router';
import type { Session } from '../session';
import { BudgetView } from './budget';
import { ClaimsRegister } from './claims';
import { ClientDetail } from './client-detail';
import { ClientList } from './clients';
import { DisputeDetail } from './dispute-detail';
import { DisputeList } from './disputes';
import { PlanView } from './plan';
import { PolicyDetail } from './policy-detail';
import { PolicyList } from './policies';
import { WhoAmI } from './whoami';

export function viewFor([section, id]: Route, session: Session) {
  switch (section) {
    case 'policies':
      return id ? <PolicyDetail id={id} /> : <PolicyList />;
    case 'plan':
      return <PlanView />;
    case 'budget':
      return <BudgetView />;
    case 'clients':
      return id ? <ClientDetail id={id} session={session} /> : <ClientList />;
    case 'disputes':
      return id ? <DisputeDetail id={id} session={session} /> : <DisputeList />;
    case 'claims':
      return <ClaimsRegister />;
    default:
      return <WhoAmI session={session} />;
  }
}
