import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { signedInApp } from './preload-route';
import { queryClient } from './shared/api/query-client';
import { FONT_FAMILY } from './shared/font';
import { useLanguage } from './shared/i18n';
import { LoadingState } from './shared/ui/states';

// The sign-in page loads only what signing in needs; the signed-in shell, its menu and its
// pages come after (each page again on its own, see menu.tsx).
const LoginPage = lazy(() => import('./features/auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const ActivationPage = lazy(() => import('./features/auth/ActivationPage').then((m) => ({ default: m.ActivationPage })));
const SignedInApp = lazy(signedInApp.factory);
// 一公开: the published 双随机 draws, read by anyone without signing in.
const PublicDrawsPage = lazy(() => import('./features/draws/PublicDrawsPage'));


export function App() {
  const { language } = useLanguage();
  useEffect(() => {
    dayjs.locale(language === 'en-US' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider
      locale={language === 'en-US' ? enUS : zhCN}
      theme={{ zeroRuntime: true, token: { fontFamily: FONT_FAMILY } }}
      // antd would render two-character buttons as "登 录"; keep the text as written, for readers and for tests.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<LoadingState />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/activate" element={<ActivationPage />} />
                <Route path="/public/draws/*" element={<PublicDrawsPage />} />
                <Route path="/*" element={<SignedInApp />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
