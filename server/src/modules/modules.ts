import type { ModuleDefinition } from '../platform/module.ts';
import { accountsModule } from './accounts/accounts.module.ts';
import { consentModule } from './consent/consent.module.ts';
import { contactsModule } from './contacts/contacts.module.ts';
import { dataQualityModule } from './data-quality/data-quality.module.ts';
import { identityModule } from './identity/identity.module.ts';
import { intakeModule } from './intake/intake.module.ts';
import { privacyModule } from './privacy/privacy.module.ts';
import { segmentsModule } from './segments/segments.module.ts';
import { ticketingModule } from './ticketing/ticketing.module.ts';

/** Every business capability, in dependency order. */
export const modules: ModuleDefinition[] = [
  accountsModule,
  contactsModule,
  consentModule,
  ticketingModule,
  intakeModule,
  identityModule,
  dataQualityModule,
  segmentsModule,
  privacyModule,
];
