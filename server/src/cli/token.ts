import { loadConfig } from '../config.ts';
import { createTokensService } from '../modules/accounts/tokens.service.ts';
import { findUserIdByEmail } from '../modules/accounts/users.repository.ts';
import { AppError } from '../platform/errors.ts';
import { systemScope } from '../platform/scope.ts';
import { describeAppError, startCommandRuntime } from './cli-runtime.ts';
import { type CliCommand, CliUsageError, dataOption } from './command.ts';

export const tokenCreateCommand: CliCommand = {
  name: 'token create',
  usage: 'token create --email E [--name N] [--scopes S] [--data DIR]',
  description:
    "Crée un jeton d'API pour l'utilisateur E et n'écrit que son secret (prt_…) sur la sortie standard. " +
    'S : codes de permission séparés par des virgules, ou * (par défaut) pour toutes les permissions de l’utilisateur.',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'string' },
    ...dataOption,
  },
  async run(values) {
    if (typeof values.email !== 'string') throw new CliUsageError('--email est obligatoire.');
    const email = values.email.trim().toLowerCase();
    const scopes = (typeof values.scopes === 'string' ? values.scopes : '*')
      .split(',')
      .map((scope) => scope.trim())
      .filter(Boolean);
    if (scopes.length === 0) throw new CliUsageError('--scopes ne peut pas être vide.');
    const config = loadConfig(process.env, { dataDir: values.data as string | undefined });
    const runtime = await startCommandRuntime(config, 'token create');
    try {
      const { context } = runtime;
      const userId = await findUserIdByEmail(context.database.db, context.defaultTenantId, email);
      if (!userId) {
        process.stderr.write(`Aucun utilisateur ${email} : créez-le d'abord (parterre admin create).\n`);
        return 1;
      }
      const scope = systemScope(context.defaultTenantId, 'parterre token create');
      const created = await createTokensService(context).createToken(scope, {
        name:
          typeof values.name === 'string' && values.name.trim() ? values.name.trim() : 'Ligne de commande',
        scopes,
        userId,
      });
      process.stdout.write(`${created.secret}\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        process.stderr.write(`${describeAppError(error)}\n`);
        return 1;
      }
      throw error;
    } finally {
      await runtime.close();
    }
  },
};
