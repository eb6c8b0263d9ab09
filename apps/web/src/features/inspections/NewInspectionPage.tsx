import { INSPECTION_TYPE_LABELS, INSPECTION_TYPES, shanghaiDate, type InspectionType } from '@anjian/domain';
import { App, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { StartFromPair, StartReinspection } from './LinkedStart';
import { errorText } from '../../shared/api/client';
import { useCurrentUser } from '../../shared/auth/session';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import type { EnterpriseData } from '../enterprises/enterprises.api';
import { useChecklists, useCreateInspection, useTeamCandidates } from './inspections.api';
import { usePick } from './labels';

interface Values { type: InspectionType; enterpriseId: string; checklistId: string; inspectedOn: string; team: string[] }

/** 新建检查 — of a drawn pair (?drawId&pairId), a 复查 of a case (?caseId), or any other: then the record page. */
export default function NewInspectionPage() {
  const [params] = useSearchParams();
  const drawId = params.get('drawId');
  const pairId = params.get('pairId');
  const caseId = params.get('caseId');
  if (drawId && pairId) return <StartFromPair drawId={drawId} pairId={pairId} />;
  if (caseId) return <StartReinspection caseId={caseId} />;
  return <NewInspection />;
}

/** Type, enterprise, the current checklist of its industry, date, team. A 复查 starts from its case's page. */
function NewInspection() {
  const { t } = useTranslation();
  const pick = usePick();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [enterprise, setEnterprise] = useState<EnterpriseData | undefined>();
  const checklists = useChecklists();
  const candidates = useTeamCandidates();
  const create = useCreateInspection();
  const options = (checklists.data?.items ?? []).filter((c) => enterprise?.industries.includes(c.industryCode));

  const submit = (v: Values) => create.mutate(v, {
    onSuccess: (d) => void navigate(`/inspections/${d.id}`, { replace: true }),
    onError: (e) => void message.error(errorText(e)),
  });

  return (
    <Card title={t('inspections.new.title')} style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" size="large" onFinish={submit} initialValues={{ type: 'unannounced', inspectedOn: shanghaiDate(new Date()), team: [me?.id] }}>
        <Form.Item name="type" label={t('inspections.type')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={INSPECTION_TYPES.filter((v) => v !== 'reinspection').map((v) => ({ value: v, label: pick(INSPECTION_TYPE_LABELS[v]) }))} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>{t('inspections.hiddenHint')}</Typography.Paragraph>
        <Form.Item name="enterpriseId" label={t('inspections.enterprise')} rules={[{ required: true }]}>
          <EnterpriseSelect onPick={(e) => { setEnterprise(e); form.setFieldValue('checklistId', undefined); }} />
        </Form.Item>
        <Form.Item name="checklistId" label={t('inspections.checklist')} extra={t('inspections.new.checklistHint')} rules={[{ required: true }]}>
          <Select data-testid="checklist-select" disabled={!enterprise} options={options.map((c) => ({ value: c.id, label: `${c.title}（第 ${c.version} 版，${c.itemCount} 项，重大隐患判定 ${c.majorItemCount} 项）` }))} />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('inspections.inspectedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="team" label={t('inspections.team')} extra={t('inspections.new.teamHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: c.name }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="start-inspection">{t('inspections.new.submit')}</Button>
      </Form>
    </Card>
  );
}
