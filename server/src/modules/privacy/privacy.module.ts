import type { ModuleDefinition } from '../../platform/module.ts';
import './privacy.errors.ts';
import './privacy.permissions.ts';
import { createPortabilityService } from './portability.ts';
import { registerPrivacyRoutes } from './privacy.routes.ts';
import { createPrivacyService } from './privacy.service.ts';

/** Register of data-subject requests (art. 12, 15–21) and the access/portability bundle of a person. */
export const privacyModule: ModuleDefinition = {
  name: 'privacy',
  routes(app, context) {
    registerPrivacyRoutes(app, {
      privacy: createPrivacyService(context),
      portability: createPortabilityService(context),
    });
  },
};
