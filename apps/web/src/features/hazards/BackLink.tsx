import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Back where the user came from (the ledger with its filters, the inbox), or to the ledger. */
export function BackLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const hasHistory = location.key !== 'default';
  return (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => void (hasHistory ? navigate(-1) : navigate('/hazards'))}>
      {hasHistory ? t('hazards.back') : t('hazards.backToLedger')}
    </Button>
  );
}
