import { CaseDetail, shanghaiDate } from '@anjian/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api/client';
import type { InspectionData } from './inspections.api';

interface Values { cause: string; facts: string; hazardIds: string[]; filedOn: string }

/**
 * 立案查处 from a signed inspection: the enterprise and the inspection are the record's, the
 * cause and facts start from what it found (editable), its hazards are offered to cite.
 */
export function FileCaseButton({ inspection }: { inspection: InspectionData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const failed = inspection.items.filter((i) => i.result === 'fail');
  const hazards = failed.flatMap((i) => (i.hazard ? [{ id: i.hazard.id, label: `#${i.hazard.id} ${i.text}${i.hazard.level === 'major' ? '（重大）' : ''}` }] : []));
  const file = useMutation({
    mutationFn: (v: Values) => api.post('/cases', { enterpriseId: inspection.enterprise.id, inspectionId: inspection.id, source: 'inspection', cause: v.cause, facts: v.facts || undefined, hazardIds: v.hazardIds, filedOn: v.filedOn }, { schema: CaseDetail }),
    onSuccess: (c) => { void client.invalidateQueries({ queryKey: ['inspections'] }); void client.invalidateQueries({ queryKey: ['cases'] }); void navigate(`/cases/${c.id}`); },
  });
  const initial: Values = {
    cause: (failed[0]?.text ?? '').slice(0, 200),
    facts: [`${inspection.inspectedOn} ${inspection.orgName}检查发现：`, ...failed.map((i, n) => `${n + 1}. ${i.text}${i.note ? `（${i.note}）` : ''}`)].join('\n').slice(0, 4000),
    hazardIds: hazards.map((h) => h.id), filedOn: shanghaiDate(new Date()),
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="file-case">{t('inspections.detail.fileCase')}</Button>
      <Modal open={open} title={`${t('inspections.fileCase.title')} · ${inspection.enterprise.name}`} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        {file.isError && <Alert type="error" showIcon title={errorText(file.error)} style={{ marginBottom: 12 }} />}
        <Form<Values> layout="vertical" initialValues={initial} onFinish={(v) => file.mutate(v)}>
          <Form.Item name="cause" label={t('inspections.fileCase.cause')} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="facts" label={t('inspections.fileCase.facts')} rules={[{ max: 4000 }]}><Input.TextArea rows={4} /></Form.Item>
          {hazards.length > 0 && <Form.Item name="hazardIds" label={t('inspections.fileCase.hazards')}><Checkbox.Group options={hazards.map((h) => ({ value: h.id, label: h.label }))} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} /></Form.Item>}
          <Form.Item name="filedOn" label={t('inspections.fileCase.filedOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Button type="primary" htmlType="submit" block loading={file.isPending} data-testid="file-case-submit">{t('inspections.fileCase.submit')}</Button>
        </Form>
      </Modal>
    </>
  );
}
