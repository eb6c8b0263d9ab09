import { CASE_TRANSITIONS, type CaseAction } from '@anjian/domain';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useCaseAct, type CaseData } from './cases.api';
import { MeasuresField, toMeasures } from './MeasuresField';

const date = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The form holds yuan where the API says fen: a refusal of measures.N.amountFen lands on the yuan field. */
const MEASURE_ALIASES = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`measures.${i}.amountFen`, `measures.${i}.yuan`]));

/** The notified proposal as the decision's starting point: what was 告知 is usually what is decided. */
function proposalAsForm(measures: CaseData['proposedMeasures']) {
  return measures.map((m) => ({
    kind: m.kind, legalBasis: m.legalBasis, content: m.content ?? undefined, licence: m.licence ?? undefined, licenceAction: m.licenceAction ?? undefined,
    ...(typeof m.amountFen === 'number' ? { yuan: m.amountFen / 100 } : {}), ...(m.deadline ? { deadline: dayjs(m.deadline) } : {}),
  }));
}

/** One act on a case: its form, the server's 409/422 shown with every reason it names. */
export function CaseActDialog({ caseId, action, onClose, proposed = [] }: { caseId: string; action: CaseAction; onClose: () => void; proposed?: CaseData['proposedMeasures'] }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const [form] = Form.useForm();
  const act = useCaseAct(caseId);
  const label = pick(CASE_TRANSITIONS[action].label);
  const [formError, setFormError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // A long form (measures) is scrolled to its buttons when refused: bring the reason into view.
  useEffect(() => {
    if (formError) errorRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [formError]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    // The server's reasons of the last try go: this try gets its own.
    form.setFields(form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));
    const body: Record<string, unknown> = {
      investigate: { comment: v.comment }, return_investigation: { reason: v.reason }, close: { comment: v.comment }, revoke: { reason: v.reason },
      submit_review: { facts: v.facts, measures: toMeasures(v.measures) }, notify: { notifiedOn: date(v.on) },
      record_response: { kind: v.kind, content: v.content, on: date(v.on) }, decide: { measures: toMeasures(v.measures), decidedOn: date(v.on) },
      serve: { servedOn: date(v.on), method: v.method, recipient: v.recipient }, execute: { paidFen: Math.round((v.paid ?? 0) * 100), paidOn: date(v.on), note: v.note },
      no_penalty: { reason: v.reason, legalBasis: v.legalBasis }, transfer: { organ: v.organ, reason: v.reason }, extend: { days: v.days, reason: v.reason, approver: v.approver },
    }[action] as Record<string, unknown>;
    const clean = Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined && x !== ''));
    act.mutate({ action, body: clean }, { onSuccess: onClose, onError: (error) => setFormError(placeServerErrors(form, error, MEASURE_ALIASES)) });
  };

  const text = (name: string, labelKey: string, required = true, area = false) => (
    <Form.Item name={name} label={t(labelKey as never)} rules={required ? [{ required: true }] : []}>{area ? <Input.TextArea rows={3} /> : <Input />}</Form.Item>
  );
  const day = (labelKey: string, required = false) => <Form.Item name="on" label={t(labelKey as never)} rules={required ? [{ required: true }] : []}><DatePicker style={{ width: '100%' }} /></Form.Item>;

  const fields: Partial<Record<CaseAction, React.ReactNode>> = {
    investigate: text('comment', 'cases.act.comment', false, true),
    close: text('comment', 'cases.act.comment', false, true),
    return_investigation: text('reason', 'cases.act.reason', true, true),
    revoke: text('reason', 'cases.act.reason', true, true),
    submit_review: <>{text('facts', 'cases.act.facts', true, true)}<MeasuresField /></>,
    notify: day('cases.act.notifiedOn'),
    record_response: (
      <>
        <Form.Item name="kind" label={t('cases.act.kind')} rules={[{ required: true }]}>
          <Select options={(['statement', 'waiver', 'hearing_request', 'hearing_held'] as const).map((k) => ({ value: k, label: t(`cases.act.responseKinds.${k}`) }))} />
        </Form.Item>
        {text('content', 'cases.act.content', true, true)}{day('cases.act.on')}
      </>
    ),
    decide: <>{day('cases.act.decidedOn')}<MeasuresField /></>,
    serve: (
      <>
        {day('cases.act.servedOn', true)}
        <Form.Item name="method" label={t('cases.act.method')} rules={[{ required: true }]}>
          <Select options={(['direct', 'post', 'left', 'notice', 'electronic'] as const).map((m) => ({ value: m, label: t(`cases.act.methods.${m}`) }))} />
        </Form.Item>
        {text('recipient', 'cases.act.recipient')}
      </>
    ),
    execute: <><Form.Item name="paid" label={t('cases.act.paid')}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item>{day('cases.act.paidOn')}{text('note', 'cases.act.note', true, true)}</>,
    no_penalty: <>{text('reason', 'cases.act.reason', true, true)}{text('legalBasis', 'cases.fields.legalBasis')}</>,
    transfer: <>{text('organ', 'cases.act.organ')}{text('reason', 'cases.act.reason', true, true)}</>,
    extend: <><Form.Item name="days" label={t('cases.act.days')} rules={[{ required: true }]}><InputNumber min={1} max={90} style={{ width: '100%' }} /></Form.Item>{text('reason', 'cases.act.reason', true, true)}{text('approver', 'cases.act.approver')}</>,
  };

  return (
    <Modal open title={label} onCancel={onClose} onOk={() => void submit()} okText={t('cases.act.submit')} cancelText={t('cases.act.cancel')} confirmLoading={act.isPending} destroyOnHidden width={560}>
      <div ref={errorRef}>{formError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={formError} data-testid="act-error" />}</div>
      <Form form={form} layout="vertical" initialValues={{ measures: action === 'decide' ? proposalAsForm(proposed) : [] }}>{fields[action]}</Form>
    </Modal>
  );
}
