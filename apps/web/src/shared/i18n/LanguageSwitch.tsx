import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '.';
import { queryClient } from '../api/query-client';

/**
 * One button that names the other language in that language ("English" / "中文"), the way
 * bilingual sites do, so a reader of either can find it.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const other = language === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      data-testid="language-switch"
      lang={other}
      onClick={() => {
        setLanguage(other);
        // The server localises messages and some names by Accept-Language: fetch them again.
        void queryClient.invalidateQueries();
      }}
      style={compact ? { paddingInline: 6 } : undefined}
    >
      {t('common.switchToLanguage')}
    </Button>
  );
}
