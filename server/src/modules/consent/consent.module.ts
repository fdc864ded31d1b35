import type { ModuleDefinition } from '../../platform/module.ts';
import './consent.errors.ts';
import './consent.permissions.ts';
import './consent.criteria.ts';
import { registerConsentRoutes } from './consent.routes.ts';
import { seedPurposes } from './consent.seed.ts';
import { createConsentService } from './consent.service.ts';
import { registerConsentFormRoutes } from './consent-forms.routes.ts';
import { createConsentFormsService } from './consent-forms.service.ts';
import { createDoubleOptInService } from './double-opt-in.service.ts';
import { createPurposesService } from './purposes.service.ts';

/** Purposes (finalités) with versioned wording, and the append-only consent ledger with its proofs. */
export const consentModule: ModuleDefinition = {
  name: 'consent',
  routes(app, context) {
    registerConsentRoutes(app, {
      purposes: createPurposesService(context),
      consent: createConsentService(context),
    });
    registerConsentFormRoutes(app, {
      forms: createConsentFormsService(context),
      doubleOptIn: createDoubleOptInService(context),
    });
  },
  bootstrap: (context, tenantId) => seedPurposes(context.database.db, tenantId),
};
