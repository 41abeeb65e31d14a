import { Module } from '@nestjs/common';
import { CloseAmendmentController } from './close-amendment/close-amendment.controller';
import { PolicyExpiryService } from './expire-policies/policy-expiry.service';
import { DraftPolicyController } from './draft-policy/draft-policy.controller';
import { PolicyCommandHandler, PolicyDeciderProvider } from './policy-command.handler';
import { policyQueryControllers, policyQueryProviders } from './policy-queries';
import { ProposeAmendmentController } from './propose-amendment/propose-amendment.controller';
import { ReviseTermsController } from './revise-terms/revise-terms.controller';
import { SignAmendmentController } from './sign-amendment/sign-amendment.controller';
import { SignPolicyController } from './sign-policy/sign-policy.controller';
import { TerminatePolicyController } from './terminate-policy/terminate-policy.controller';

@Module({
  controllers: [
    DraftPolicyController,
    ReviseTermsController,
    SignPolicyController,
    ProposeAmendmentController,
    SignAmendmentController,
    CloseAmendmentController,
    TerminatePolicyController,
    ...policyQueryControllers,
  ],
  providers: [PolicyDeciderProvider, PolicyCommandHandler, PolicyExpiryService, ...policyQueryProviders],
})
export class PoliciesModule {}
