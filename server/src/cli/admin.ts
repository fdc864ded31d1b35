import { accountEmailSchema } from '@parterre/contract/accounts';
import { loadConfig } from '../config.ts';
import { createUsersService } from '../modules/accounts/users.service.ts';
import { AppError } from '../platform/errors.ts';
import { systemScope } from '../platform/scope.ts';
import { describeAppError, startCommandRuntime } from './cli-runtime.ts';
import { type CliCommand, CliUsageError, dataOption } from './command.ts';

const MIN_PASSWORD_LENGTH = 12;

export const adminCreateCommand: CliCommand = {
  name: 'admin create',
  usage: 'admin create --email E --password P [--name N] [--data DIR]',
  description:
    'Crée un administrateur actif (membre des services Direction et Informatique). Utile pour une installation automatisée ou pour reprendre la main.',
  options: {
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    ...dataOption,
  },
  async run(values) {
    if (typeof values.email !== 'string' || typeof values.password !== 'string') {
      throw new CliUsageError('--email et --password sont obligatoires.');
    }
    const email = accountEmailSchema.safeParse(values.email);
    if (!email.success) throw new CliUsageError(`Adresse email invalide : ${values.email}`);
    if (values.password.length < MIN_PASSWORD_LENGTH) {
      throw new CliUsageError(`Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`);
    }
    const config = loadConfig(process.env, { dataDir: values.data as string | undefined });
    const runtime = await startCommandRuntime(config, 'admin create');
    try {
      const scope = systemScope(runtime.context.defaultTenantId, 'parterre admin create');
      const user = await createUsersService(runtime.context).createAdministrator(scope, {
        email: email.data,
        name: typeof values.name === 'string' && values.name.trim() ? values.name.trim() : email.data,
        password: values.password,
      });
      process.stdout.write(`Administrateur créé : ${user.email} (${user.id}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof AppError && error.code === 'users.email_taken') {
        process.stderr.write(
          `Un utilisateur ${email.data} existe déjà : rien n'a été modifié. ` +
            'Pour retrouver l’accès, utilisez « Mot de passe oublié » ou créez un autre administrateur.\n',
        );
        return 1;
      }
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
