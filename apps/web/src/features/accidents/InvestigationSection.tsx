import { FOUR_NOT_LET_GO, type FourNotLetGoKey } from '@anjian/domain';
import { CheckCircleFilled, CloseCircleOutlined, EditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Modal, Select, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../shared/api/client';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useCloseInvestigation, useUpdateInvestigation, type AccidentData } from './accidents.api';

interface Values {
  reportSubmittedOn: Dayjs | null;
  extended: boolean;
  decidedOn: Dayjs | null;
  decisionExtended: boolean;
  liability: 'yes' | 'no' | 'undetermined';
  checklist: FourNotLetGoKey[];
  conclusion?: string;
}

const date = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

function InvestigationDialog({ accident, onClose }: { accident: AccidentData; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateInvestigation(accident.id);
  const inv = accident.investigation;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    try {
      await update.mutateAsync({
        reportSubmittedOn: date(v.reportSubmittedOn),
        extended: v.extended,
        decidedOn: date(v.decidedOn),
        ...(accident.grade.code === 'extraordinary' ? { decisionExtended: v.decisionExtended } : {}),
        liability: v.liability === 'undetermined' ? null : v.liability === 'yes',
        checklist: Object.fromEntries(FOUR_NOT_LET_GO.map((k) => [k, v.checklist.includes(k)])),
        conclusion: v.conclusion?.trim() || null,
      });
      void message.success(t('accidents.investigation.saved'));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Modal open title={t('accidents.investigation.edit')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={update.isPending} width={640}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="accidentInvestigation"
        layout="vertical"
        initialValues={{
          reportSubmittedOn: inv.reportSubmittedOn ? dayjs(inv.reportSubmittedOn) : null,
          extended: inv.extended,
          decidedOn: inv.decidedOn ? dayjs(inv.decidedOn) : null,
          decisionExtended: inv.decisionExtended,
          liability: inv.liability === null ? 'undetermined' : inv.liability ? 'yes' : 'no',
          checklist: inv.checklist.filter((c) => c.done).map((c) => c.key),
          conclusion: inv.conclusion ?? '',
        }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', columnGap: 12 }}>
          <Form.Item name="reportSubmittedOn" label={t('accidents.investigation.reportSubmittedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="extended" label={t('accidents.investigation.extended')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('accidents.investigation.decidedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {accident.grade.code === 'extraordinary' && (
            <Form.Item name="decisionExtended" label={t('accidents.investigation.decisionExtended')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          <Form.Item name="liability" label={t('accidents.investigation.liability')}>
            <Select options={(['undetermined', 'yes', 'no'] as const).map((v) => ({ value: v, label: t(`accidents.investigation.liabilityOptions.${v}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="checklist" label={t('accidents.investigation.checklist')}>
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={inv.checklist.map((c) => ({ value: c.key, label: pick(c.label) }))} />
        </Form.Item>
        <Form.Item name="conclusion" label={t('accidents.investigation.conclusion')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 事故调查: report, extension, the government's decision, 四不放过, liability, and closing. */
export function InvestigationSection({ accident }: { accident: AccidentData }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const close = useCloseInvestigation(accident.id);
  const inv = accident.investigation;
  const yesNo = (v: boolean) => (v ? t('accidents.yes') : t('accidents.no'));
  const liability = inv.liability === null ? 'undetermined' : inv.liability ? 'yes' : 'no';

  const confirmClose = () =>
    modal.confirm({
      title: t('accidents.investigation.closeTitle'),
      content: t('accidents.investigation.closeContent'),
      okText: t('accidents.investigation.close'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await close.mutateAsync();
          void message.success(t('accidents.investigation.closed'));
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });

  return (
    <Flex vertical gap={12}>
      {inv.closedAt && (
        <Alert type="success" showIcon title={t('accidents.investigation.closedAt', { time: formatDateTime(inv.closedAt).slice(0, 16), by: inv.closedBy?.name ?? '' })} />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: 'r', label: t('accidents.investigation.reportSubmittedOn'), children: inv.reportSubmittedOn ?? t('accidents.investigation.notYet') },
          { key: 'e', label: t('accidents.investigation.extended'), children: yesNo(inv.extended) },
          { key: 'd', label: t('accidents.investigation.decidedOn'), children: inv.decidedOn ?? t('accidents.investigation.notYet') },
          ...(accident.grade.code === 'extraordinary' ? [{ key: 'de', label: t('accidents.investigation.decisionExtended'), children: yesNo(inv.decisionExtended) }] : []),
          { key: 'l', label: t('accidents.investigation.liability'), children: t(`accidents.investigation.liabilityOptions.${liability}`) },
          ...(inv.conclusion ? [{ key: 'c', label: t('accidents.investigation.conclusion'), children: inv.conclusion, span: 'filled' as const }] : []),
        ]}
      />
      <div data-testid="four-not-let-go">
        <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('accidents.investigation.checklist')}</div>
        {inv.checklist.map((c) => (
          <div key={c.key} data-done={c.done} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '2px 0' }}>
            {c.done ? <CheckCircleFilled style={{ color: '#237804' }} aria-label={t('accidents.yes')} /> : <CloseCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t('accidents.no')} />}
            <span>{pick(c.label)}</span>
          </div>
        ))}
      </div>
      {!inv.closedAt && inv.closeProblems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('accidents.investigation.problems')}
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{inv.closeProblems.map((p) => <li key={p.field}>{pick(p.message)}</li>)}</ul>}
        />
      )}
      <Flex gap={8} wrap>
        {accident.actions.includes('investigate') && <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('accidents.investigation.edit')}</Button>}
        {accident.actions.includes('close_investigation') && (
          <Button type="primary" icon={<FileDoneOutlined />} disabled={inv.closeProblems.length > 0} onClick={confirmClose}>{t('accidents.investigation.close')}</Button>
        )}
        {inv.closedAt && <Tag color="green">{t('accidents.list.closed')}</Tag>}
      </Flex>
      {editing && <InvestigationDialog accident={accident} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
