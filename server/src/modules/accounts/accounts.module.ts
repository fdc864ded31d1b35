import type { ModuleDefinition } from '../../platform/module.ts';
import './accounts.errors.ts';
import './accounts.permissions.ts';
import { seedAccounts } from './accounts.seed.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerDepartmentRoutes } from './departments.routes.ts';
import { registerRoleRoutes } from './roles.routes.ts';
import { registerSettingsRoutes } from './settings.routes.ts';
import { registerTokenRoutes } from './tokens.routes.ts';
import { registerUserRoutes } from './users.routes.ts';

/** Users, departments, roles, sessions, API tokens and the sign-in policy. */
export const accountsModule: ModuleDefinition = {
  name: 'accounts',
  bootstrap: (context, tenantId) => seedAccounts(context.database.db, tenantId),
  routes(app, context) {
    registerAuthRoutes(app, context);
    registerUserRoutes(app, context);
    registerDepartmentRoutes(app, context);
    registerRoleRoutes(app, context);
    registerTokenRoutes(app, context);
    registerSettingsRoutes(app, context);
  },
};
