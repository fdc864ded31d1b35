import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import 'mantine-datatable/styles.css';
import './app/global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { AuthProvider, sessionQueryOptions, twoFactorPath } from './app/auth';
import { i18n } from './app/i18n';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import { cssVariablesResolver, localisedTheme } from './app/theme';

// A 401 means the session is gone: forgetting it makes the back-office shell send the user to the
// sign-in page, remembering where they were. The TOTP policy can also be switched on mid-session.
const queryClient = createQueryClient((error) => {
  if (error.status === 401) {
    queryClient.setQueryData(sessionQueryOptions.queryKey, null);
  } else if (error.code === 'auth.totp_enrolment_required') {
    void queryClient.invalidateQueries({ queryKey: sessionQueryOptions.queryKey });
    void router.navigate({ to: twoFactorPath });
  }
});
const router = createAppRouter(queryClient);

function App() {
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  const theme = useMemo(() => localisedTheme(i18n.getFixedT(language)), [language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
