import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError, type ApiError } from '../../shared/api/client';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { download } from '../hazards/files.api';
import { useImportEnterprises } from './enterprises.api';

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
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const run = useImportEnterprises();

  const start = async () => {
    if (!file) return;
    setFailure(null);
    try {
      const result = await run.mutateAsync(file);
      setImported(result.imported);
    } catch (error) {
      if (isApiError(error)) setFailure(error);
      else void message.error(errorText(error));
    }
  };

  const template = () => download('/enterprises/import-template', {}, '企业导入模板.xlsx').catch((e: unknown) => void message.error(errorText(e)));
  const problems = failure ? problemsOf(failure) : [];
  const reset = () => { setFile(null); setFailure(null); setImported(null); };

  return (
    <Modal
      open
      title={t('enterprises.import.title')}
      onCancel={onClose}
      width={mobile ? '100%' : 720}
      style={mobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      footer={imported !== null
        ? [<Button key="again" onClick={reset}>{t('enterprises.import.again')}</Button>, <Button key="ok" type="primary" onClick={onClose}>{t('common.ok')}</Button>]
        : [<Button key="cancel" onClick={onClose}>{t('common.cancel')}</Button>, <Button key="start" type="primary" disabled={!file} loading={run.isPending} onClick={() => void start()} data-testid="import-start">{t('enterprises.import.start')}</Button>]}
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
            beforeUpload={(f) => { setFile(f); setFailure(null); return false; }}
            onRemove={() => { setFile(null); setFailure(null); }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('enterprises.import.choose')}</p>
            <p className="ant-upload-hint">{t('enterprises.import.limit')}</p>
          </Upload.Dragger>
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
