import { FIVE_IMPLEMENTATIONS, shanghaiDate } from '@anjian/domain';
import { DatePicker, Divider, Form, Input, Typography, type FormInstance, type FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { OrgSelect } from '../../shared/ui/OrgSelect';
import { useEnterprise } from '../enterprises/enterprises.api';
import { day, planProblems, type PlanKey } from './assign-plan';
import { DepartmentSelect } from './DepartmentSelect';
import { useRouting, type HazardData } from './hazards.api';
import { useHazardLabels } from './labels';

/** Dates before this are refused by the server (found on, and today for a new deadline). */
export function earliestDeadline(hazard: HazardData): Dayjs {
  const today = shanghaiDate(new Date());
  return dayjs(hazard.foundOn > today ? hazard.foundOn : today);
}

/**
 * 交办: the responsible unit (the hazard's enterprise unless another is chosen), the person,
 * the supervising department (the 三管三必须 route unless another is chosen), the deadline,
 * and for a major hazard the 五落实 plan, checked before sending by the same rule the server
 * applies. The plan's 时限 starts as the 整改期限 and follows it until the user changes it.
 */
export function AssignFields({ hazard, form }: { hazard: HazardData; form: FormInstance }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const enterprise = useEnterprise(hazard.enterprise?.id).data;
  const routing = useRouting(hazard.regionCode, !!hazard.industryCode);
  const routed = routing.data?.items.find((e) => e.industryCode === hazard.industryCode)?.department;
  const major = hazard.level === 'major';
  const earliest = earliestDeadline(hazard);
  const { pick } = useLanguage();

  // 时限 follows 整改期限 while it is empty or still the date it was given from it.
  const deadline = Form.useWatch('deadline', form) as Dayjs | undefined;
  const followed = useRef<string>('');
  useEffect(() => {
    if (!major) return;
    const current = day(form.getFieldValue(['plan', 'deadline']));
    const next = day(deadline);
    if (next && (current === '' || current === followed.current)) {
      form.setFieldValue(['plan', 'deadline'], dayjs(next));
      followed.current = next;
    }
  }, [deadline, form, major]);

  const planRules = (key: PlanKey): FormRule[] => [
    ...(key === 'deadline' ? [{ required: true, message: t('common.requiredSelect', { field: labels.planPart(key) }) }] : []),
    {
      validator: async (_rule, value: unknown) => {
        // An empty date is the required rule's to report; the rule's own wording is for a wrong one.
        if (key === 'deadline' && !value) return;
        const problems = planProblems(hazard, form.getFieldsValue() as Parameters<typeof planProblems>[1], key);
        if (problems.length > 0) throw new Error(problems.map((p) => pick(p.message)).join('；'));
      },
    },
  ];
  // The enterprise's principal answers for it unless someone else is named.
  useEffect(() => {
    if (enterprise && !form.getFieldValue('responsiblePerson')) form.setFieldValue('responsiblePerson', enterprise.principal);
  }, [enterprise, form]);

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  return (
    <>
      <Form.Item
        name="responsibleOrgId"
        label={t('hazards.acts.responsibleOrg')}
        extra={hazard.enterprise ? t('hazards.acts.responsibleOrgDefault', { name: hazard.enterprise.name }) : t('hazards.acts.responsibleOrgNeeded')}
        rules={hazard.enterprise ? [] : [{ required: true, message: t('common.requiredSelect', { field: t('hazards.acts.responsibleOrg') }) }]}
      >
        <OrgSelect allowClear activeOnly placeholder={hazard.enterprise?.name ?? undefined} />
      </Form.Item>
      <Form.Item name="responsiblePerson" label={t('hazards.acts.responsiblePerson')} rules={[required(t('hazards.acts.responsiblePerson')), { max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="supervisingDepartmentId"
        label={t('hazards.supervisingDepartment')}
        extra={routed ? t('hazards.acts.departmentRouted', { name: routed.name }) : t('hazards.acts.departmentNotRouted')}
      >
        <DepartmentSelect regionCode={hazard.regionCode} placeholder={routed?.name} />
      </Form.Item>
      <Form.Item name="deadline" label={t('hazards.deadline')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.deadline') }) }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(earliest, 'day')} data-testid="assign-deadline" />
      </Form.Item>
      {major && (
        <>
          <Divider titlePlacement="start" style={{ marginTop: 4 }}>{t('hazards.detail.plan')}</Divider>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('hazards.acts.planHint')}</Typography.Paragraph>
          {FIVE_IMPLEMENTATIONS.map((key) => (
            <Form.Item
              key={key}
              name={['plan', key]}
              label={labels.planPart(key)}
              required
              rules={planRules(key)}
              dependencies={key === 'deadline' ? ['deadline'] : undefined}
              extra={key === 'deadline' ? t('hazards.acts.planDeadlineHint') : undefined}
            >
              {key === 'deadline' ? (
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(hazard.foundOn), 'day') || (!!deadline && d.isAfter(deadline, 'day'))} data-testid="plan-deadline" />
              ) : key === 'funds' ? (
                <Input maxLength={200} placeholder={t('hazards.acts.fundsPlaceholder')} data-testid="plan-funds" />
              ) : (
                <Input.TextArea rows={2} maxLength={key === 'responsibility' ? 500 : 2000} data-testid={`plan-${key}`} />
              )}
            </Form.Item>
          ))}
        </>
      )}
      <Form.Item name="comment" label={t('hazards.acts.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
