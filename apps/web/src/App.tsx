import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ActivationPage } from './features/auth/ActivationPage';
import { LoginPage } from './features/auth/LoginPage';
import { MENU } from './menu';
import { queryClient } from './shared/api/query-client';
import { useLanguage } from './shared/i18n';
import { SignedIn } from './shared/layout/SignedIn';

// CJK fonts first in line, so Chinese renders with a proper face on every platform.
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export function App() {
  const { language } = useLanguage();
  useEffect(() => {
    dayjs.locale(language === 'en-US' ? 'en' : 'zh-cn');
  }, [language]);

  return (
    <ConfigProvider
      locale={language === 'en-US' ? enUS : zhCN}
      theme={{ token: { fontFamily: FONT_FAMILY } }}
      // antd would render two-character buttons as "登 录"; keep the text as written, for readers and for tests.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route path="/activate" element={<ActivationPage />} />
              <Route path="/*" element={<SignedIn menu={MENU} />} />
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
