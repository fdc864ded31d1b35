import type { ModuleDefinition } from '../../platform/module.ts';
import './ticketing.errors.ts';
import './ticketing.permissions.ts';
import './ticketing.criteria.ts';
import { registerCatalogueRoutes } from './catalogue.routes.ts';
import { createCatalogueService } from './catalogue.service.ts';
import { registerOrdersRoutes } from './orders.routes.ts';
import { createOrdersService } from './orders.service.ts';
import { createOrderBatchService } from './orders-batch.service.ts';
import { createOrdersUpsertService } from './orders-upsert.service.ts';
import { registerWebhookRoutes } from './webhooks.routes.ts';
import { createWebhooksService } from './webhooks.service.ts';

/** Catalogue (venues, seasons, productions, performances, price categories), orders, visits, connectors. */
export const ticketingModule: ModuleDefinition = {
  name: 'ticketing',
  async routes(app, context) {
    const ordersUpsert = createOrdersUpsertService(context);
    const orderBatch = createOrderBatchService({ ordersUpsert, database: context.database });
    registerCatalogueRoutes(app, createCatalogueService(context));
    registerOrdersRoutes(app, { orders: createOrdersService(context), orderBatch });
    await registerWebhookRoutes(app, createWebhooksService(context, { orderBatch }));
  },
};
