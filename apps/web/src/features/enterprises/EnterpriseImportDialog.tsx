import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Progress, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError, type ApiError } from '../../shared/api/client';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { download } from '../hazards/files.api';
import { startImportJob, useImportJob, type ImportJob } from './enterprises.api';

interface RowProblem {
  key: number;
  row: number | null;
  column: string;
  message: string;
}

/** "row 7: 统一社会信用代码" → row 7, that column; anything else (the file, a header) has no row. */
function problemsOf(error: ApiError): RowProblem[] {
  return error.details.map((d, i) => {
    const m = /^row (\d+): (.+)$/.exec(d.field);
    // The message repeats row and column in front ("第7行 统一社会信用代码：…"); the table has columns for those.
    const text = m ? d.message.replace(/^[^：:]*[：:]\s*/, '') || d.message : d.message;
    return { key: i, row: m ? Number(m[1]) : null, column: m ? m[2]! : d.field.replace(/^body\./, '').replace(/^header: /, ''), message: text };
  });
}

/**
 * Import from .xlsx: all or nothing. A refusal lists every bad row (row, column, problem), so
 * the file can be corrected in one pass.
 */
export function EnterpriseImportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [file, setFile] = useState<File | null>(null);
  const [startFailure, setStartFailure] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const jobFailure = job.error && isApiError(job.error) ? job.error : null;
  const failure = startFailure ?? jobFailure;
  const imported = job.data?.phase === 'done' ? job.data.imported ?? 0 : null;
  const running = jobId !== null && imported === null && !job.error;

  // The import runs as a job: the file is checked on the server while this dialog shows the
  // rows read and checked; closed before the end, the result goes to the inbox.
  const start = async () => {
    if (!file) return;
    setStartFailure(null);
    setStarting(true);
    try {
      setJobId((await startImportJob(file)).id);
    } catch (error) {
      if (isApiError(error)) setStartFailure(error);
      else void message.error(errorText(error));
    } finally {
      setStarting(false);
    }
  };
  const close = () => {
    if (running) void message.info(t('enterprises.import.background'));
    onClose();
  };

  const template = () => download('/enterprises/import-template', {}, '企业导入模板.xlsx').catch((e: unknown) => void message.error(errorText(e)));
  const problems = failure ? problemsOf(failure) : [];
  const reset = () => { setFile(null); setStartFailure(null); setJobId(null); };
  const retry = () => { setStartFailure(null); setJobId(null); };

  return (
    <Modal
      open
      title={t('enterprises.import.title')}
      onCancel={close}
      width={mobile ? '100%' : 720}
      style={mobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      footer={imported !== null
        ? [<Button key="again" onClick={reset}>{t('enterprises.import.again')}</Button>, <Button key="ok" type="primary" onClick={onClose}>{t('common.ok')}</Button>]
        : [<Button key="cancel" onClick={close}>{t('common.cancel')}</Button>, <Button key="start" type="primary" disabled={!file || running} loading={starting || running} onClick={() => void start()} data-testid="import-start">{t('enterprises.import.start')}</Button>]}
    >
      {imported !== null ? (
        <Result status="success" title={t('enterprises.import.success', { count: imported })} data-testid="import-success" />
      ) : (
        <>
          <Typography.Paragraph>{t('enterprises.import.intro')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} onClick={() => void template()} style={{ marginBottom: 12 }} data-testid="import-template">{t('enterprises.import.template')}</Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            disabled={running}
            beforeUpload={(f) => { setFile(f); retry(); return false; }}
            onRemove={() => { setFile(null); retry(); }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('enterprises.import.choose')}</p>
            <p className="ant-upload-hint">{t('enterprises.import.limit')}</p>
          </Upload.Dragger>
          {running && job.data && <ImportProgress job={job.data} />}
          {failure && (
            <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="import-errors">
              <Alert type="error" showIcon title={t('enterprises.import.failed')} description={failure.message} />
              {problems.length > 0 && (
                <Table<RowProblem>
                  rowKey="key"
                  size="small"
                  pagination={problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
                  dataSource={problems}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { key: 'row', title: t('enterprises.import.row'), width: 70, render: (_, p) => p.row ?? '—' },
                    { key: 'column', title: t('enterprises.import.column'), render: (_, p) => p.column },
                    { key: 'message', title: t('enterprises.import.problem'), render: (_, p) => p.message },
                  ]}
                />
              )}
            </Flex>
          )}
        </>
      )}
    </Modal>
  );
}

/** Rows read and rows checked, with the phase; the bar follows the checking once the total is known. */
function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const phase = job.phase === 'reading' ? t('enterprises.import.reading') : job.phase === 'checking' ? t('enterprises.import.checking') : t('enterprises.import.writing');
  const n = (x: number) => x.toLocaleString();
  const text = job.rowsTotal === null
    ? t('enterprises.import.progress', { read: n(job.rowsRead), checked: n(job.rowsChecked) })
    : t('enterprises.import.progressOf', { read: n(job.rowsRead), checked: n(job.rowsChecked), total: n(job.rowsTotal) });
  const percent = job.phase === 'writing' ? 99 : job.rowsTotal ? Math.floor((job.rowsChecked / job.rowsTotal) * 95) : 0;
  return (
    <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="import-progress">
      <Typography.Text strong>{phase}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} />
      <Typography.Text data-testid="import-progress-text">{text}</Typography.Text>
      <Typography.Text type="secondary">{t('enterprises.import.runningHint')}</Typography.Text>
    </Flex>
  );
}
