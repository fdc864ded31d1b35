import type { ModuleDefinition } from '../../platform/module.ts';
import { seedAccounts } from './accounts.seed.ts';

export const accountsModule: ModuleDefinition = {
  name: 'accounts',
  bootstrap: (context, tenantId) => seedAccounts(context.database.db, tenantId),
};
