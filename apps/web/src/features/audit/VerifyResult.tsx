import { Alert, Button, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { formatDateTime } from '../../shared/ui/format';
import { useVerifyChain } from './audit.api';

/** 校验哈希链: runs the server's verifier (as `cli audit:verify` does) and shows its answer. */
export function VerifyResult({ trigger }: { trigger: ReactNode }) {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const [open, setOpen] = useState(false);
  const report = verify.data;
  const run = () => {
    setOpen(true);
    verify.mutate();
  };
  return (
    <>
      <Button icon={trigger} onClick={run} loading={verify.isPending} data-testid="audit-verify">{t('audit.verify.button')}</Button>
      <Modal open={open} title={t('audit.verify.title')} onCancel={() => setOpen(false)} footer={<Button onClick={() => setOpen(false)}>{t('audit.verify.close')}</Button>}>
        <div data-testid="audit-verify-result" data-ok={report ? String(report.ok) : ''}>
          {verify.isPending && t('audit.verify.running')}
          {verify.isError && <Alert type="error" showIcon title={errorText(verify.error)} />}
          {report && (
            <Alert
              type={report.ok ? 'success' : 'error'}
              showIcon
              title={report.ok ? t('audit.verify.intact', { rows: String(report.rowsChecked) }) : t('audit.verify.broken', { seq: report.firstBroken?.seq ?? '', id: report.firstBroken?.id ?? '—' })}
              description={
                <>
                  {!report.ok && <div>{report.firstBroken?.reason}</div>}
                  <div>{t('audit.verify.facts', { rows: String(report.rowsChecked), checkpoints: String(report.checkpoints), through: report.checkpointedThrough ?? '—', pending: String(report.pending), linked: String(report.linkedNow) })}</div>
                  <div>{t('audit.verify.at', { at: formatDateTime(report.checkedAt) })}</div>
                </>
              }
            />
          )}
        </div>
      </Modal>
    </>
  );
}
