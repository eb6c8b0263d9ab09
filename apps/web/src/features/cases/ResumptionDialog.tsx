import { Alert, Button, Checkbox, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, isApiError } from '../../shared/api/client';
import { usePost, type Resumption } from './cases.api';

/**
 * 复产验收: the re-inspection's checklist (or its conclusion), and the acceptor's signature —
 * their own password (谁验收谁签字). The server refuses while a 重大 hazard is open, and says so.
 */
export function ResumptionDialog({ resumption, onClose }: { resumption: Resumption; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const post = usePost([['resumptions'], ['cases']]);
  const submit = async () => {
    const v = await form.validateFields();
    const items = (v.items ?? []).filter((i: { item?: string }) => i.item).map((i: { item: string; passed?: boolean }) => ({ item: i.item, passed: i.passed === true }));
    post.mutate({ path: `/resumptions/${resumption.id}/accept`, body: { password: v.password, items, ...(v.summary ? { summary: v.summary } : {}), ...(v.inspectionId ? { inspectionId: v.inspectionId } : {}) } }, { onSuccess: onClose });
  };
  return (
    <Modal open title={`${t('cases.enforcement.accept')} · ${resumption.enterpriseName}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={post.isPending} okText={t('cases.act.submit')} cancelText={t('cases.act.cancel')} destroyOnHidden>
      <p style={{ color: '#595959' }}>{t('cases.enforcement.statement')}：{resumption.statement}</p>
      {post.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(post.error)}
        description={isApiError(post.error) && post.error.details.length > 0 ? <ul style={{ margin: 0, paddingLeft: 18 }}>{post.error.details.map((d) => <li key={d.field + d.message}>{d.message}</li>)}</ul> : undefined} />}
      <Form form={form} layout="vertical" initialValues={{ items: [{ item: '重大事故隐患已整改销号', passed: true }, { item: '停产整顿决定所列问题已整改', passed: true }] }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Form.Item label={t('cases.enforcement.items')}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="center" style={{ marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'item']} noStyle><Input placeholder={t('cases.enforcement.item')} /></Form.Item>
                  <Form.Item name={[f.name, 'passed']} valuePropName="checked" noStyle><Checkbox>{t('cases.enforcement.passed')}</Checkbox></Form.Item>
                  <Button type="link" danger size="small" onClick={() => remove(f.name)}>×</Button>
                </Flex>
              ))}
              <Button size="small" onClick={() => add({ item: '', passed: true })}>{t('cases.enforcement.addItem')}</Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item name="summary" label={t('cases.enforcement.summary')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="inspectionId" label={t('cases.enforcement.inspectionId')}><Input /></Form.Item>
        <Form.Item name="password" label={t('cases.enforcement.password')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
      </Form>
    </Modal>
  );
}
