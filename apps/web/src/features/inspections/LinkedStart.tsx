import { INSPECTION_TYPE_LABELS, InspectionDetail, shanghaiDate, type InspectionType } from '@anjian/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorText } from '../../shared/api/client';
import { useCurrentUser } from '../../shared/auth/session';
import { LoadingState } from '../../shared/ui/states';
import { useDraw } from '../draws/draws.api';
import { useEnterprise } from '../enterprises/enterprises.api';
import { useCase } from '../cases/cases.api';
import { useChecklists, useCreateInspection, useTeamCandidates } from './inspections.api';
import { usePick } from './labels';

interface Values { checklistId: string; inspectedOn: string; team?: string[] }

/** The checklist and the date, for an enterprise already fixed (a drawn pair's, or a case's). */
function StartForm({ title, facts, industries, withTeam, pending, error, onSubmit }: {
  title: string; facts: { key: string; label: string; children: string }[]; industries: string[]; withTeam: boolean; pending: boolean; error: unknown; onSubmit: (v: Values) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const checklists = useChecklists();
  const candidates = useTeamCandidates();
  const options = (checklists.data?.items ?? []).filter((c) => industries.includes(c.industryCode));
  // The form reads its initial values once: it waits for the checklists so a single fitting one is preselected.
  if (checklists.isPending) return <LoadingState />;
  return (
    <Card title={title} style={{ maxWidth: 640 }}>
      <Descriptions size="small" column={1} items={facts} style={{ marginBottom: 16 }} />
      {!!error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      {options.length === 0 && <Alert type="warning" showIcon title={t('inspections.linked.noChecklist')} style={{ marginBottom: 12 }} data-testid="no-checklist" />}
      <Form<Values> layout="vertical" size="large" onFinish={onSubmit} initialValues={{ inspectedOn: shanghaiDate(new Date()), team: [me.id], checklistId: options.length === 1 ? options[0]!.id : undefined }}>
        <Form.Item name="checklistId" label={t('inspections.checklist')} rules={[{ required: true }]}>
          <Select data-testid="checklist-select" options={options.map((c) => ({ value: c.id, label: `${c.title}（第 ${c.version} 版，${c.itemCount} 项）` }))} />
        </Form.Item>
        <Form.Item name="inspectedOn" label={t('inspections.inspectedOn')} rules={[{ required: true }]}><Input type="date" /></Form.Item>
        {withTeam && (
          <Form.Item name="team" label={t('inspections.team')} extra={t('inspections.new.teamHint')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: c.name }))} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={pending} disabled={options.length === 0} data-testid="start-inspection">{t('inspections.new.submit')}</Button>
      </Form>
    </Card>
  );
}

/** 开始检查 of a drawn pair: its enterprise and its drawn team, type 双随机. */
export function StartFromPair({ drawId, pairId }: { drawId: string; pairId: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const client = useQueryClient();
  const draw = useDraw(drawId);
  const pair = draw.data?.pairs.find((p) => p.id === pairId);
  const enterprise = useEnterprise(pair?.enterpriseId);
  const start = useMutation({
    mutationFn: (v: Values) => api.post(`/draws/${drawId}/pairs/${pairId}/inspections`, { checklistId: v.checklistId, inspectedOn: v.inspectedOn }, { schema: InspectionDetail }),
    onSuccess: (d) => { void client.invalidateQueries({ queryKey: ['draws'] }); void navigate(`/inspections/${d.id}`, { replace: true }); },
  });
  if (draw.isPending || (pair && enterprise.isPending)) return <LoadingState />;
  if (!pair) return <Alert type="error" showIcon title={draw.error ? errorText(draw.error) : t('inspections.linked.noPair')} />;
  return (
    <StartForm title={t('inspections.linked.pairTitle')} industries={enterprise.data?.industries ?? []} withTeam={false} pending={start.isPending} error={start.error} onSubmit={(v) => start.mutate(v)}
      facts={[
        { key: 'type', label: t('inspections.type'), children: pick(INSPECTION_TYPE_LABELS.random_draw) },
        { key: 'draw', label: t('inspections.detail.draw'), children: `${draw.data!.planName} · ${pair.position}` },
        { key: 'enterprise', label: t('inspections.enterprise'), children: pair.enterpriseName },
        { key: 'team', label: t('inspections.team'), children: pair.inspectors.join('、') },
      ]} />
  );
}

/** 安排复查 of a case's 责令限期整改: its enterprise, type 复查, the case named. */
export function StartReinspection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const c = useCase(caseId);
  const enterprise = useEnterprise(c.data?.enterpriseId);
  const create = useCreateInspection();
  if (c.isPending || enterprise.isPending) return <LoadingState />;
  if (!c.data) return <Alert type="error" showIcon title={errorText(c.error)} />;
  const order = c.data.measures.find((m) => m.kind === 'rectify_order');
  const type: InspectionType = 'reinspection';
  return (
    <StartForm title={t('inspections.linked.reinspectionTitle')} industries={enterprise.data?.industries ?? []} withTeam pending={create.isPending} error={create.error}
      onSubmit={(v) => create.mutate({ type, enterpriseId: c.data!.enterpriseId, caseId, checklistId: v.checklistId, inspectedOn: v.inspectedOn, team: v.team ?? [] }, {
        onSuccess: (d) => void navigate(`/inspections/${d.id}`, { replace: true }), onError: (e) => void message.error(errorText(e)),
      })}
      facts={[
        { key: 'type', label: t('inspections.type'), children: pick(INSPECTION_TYPE_LABELS[type]) },
        { key: 'case', label: t('inspections.linked.orderCase'), children: c.data.number },
        { key: 'enterprise', label: t('inspections.enterprise'), children: c.data.enterpriseName },
        { key: 'order', label: t('inspections.linked.order'), children: order ? `${order.content ?? ''}（${t('inspections.linked.deadline')} ${order.deadline ?? '—'}）` : '—' },
      ]} />
  );
}
