import { EyeOutlined } from '@ant-design/icons';
import { HazardReporter } from '@anjian/domain';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorText } from '../../shared/api/client';

/**
 * 举报人身份: fetched only when asked (each fetch is an audited read, so never cached or
 * prefetched), shown in a dialog that says so.
 */
export function ReporterButton({ hazardId }: { hazardId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const read = useMutation({ mutationFn: () => api.get(`/hazards/${hazardId}/reporter`, { schema: HazardReporter }) });
  return (
    <>
      <Button type="link" size="small" icon={<EyeOutlined />} style={{ paddingInline: 4 }} loading={read.isPending} data-testid="view-reporter"
        onClick={() => read.mutate(undefined, { onError: (e) => void message.error(errorText(e)) })}>
        {t('hazards.reporter.view')}
      </Button>
      <Modal open={read.isSuccess} title={t('hazards.reporter.title')} footer={null} onCancel={() => read.reset()} destroyOnHidden>
        {read.data && (
          <>
            <Descriptions column={1} size="small" bordered data-testid="reporter-identity" items={[
              { key: 'name', label: t('hazards.reporter.name'), children: read.data.name },
              { key: 'phone', label: t('hazards.reporter.phone'), children: read.data.phone ?? t('hazards.reporter.none') },
            ]} />
            <Alert type="warning" showIcon title={t('hazards.reporter.audited')} style={{ marginTop: 12 }} />
          </>
        )}
      </Modal>
    </>
  );
}
