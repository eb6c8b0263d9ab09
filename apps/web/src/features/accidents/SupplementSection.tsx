import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n';
import { formatDateTime } from '../../shared/ui/format';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { EmptyState } from '../../shared/ui/states';
import { SUPPLEMENT_FIGURES } from '@anjian/domain';
import { useSupplement, type AccidentData } from './accidents.api';
import { FigureFields, GradeTag } from './GradeSummary';
import { formatDeadline, notFuture, shanghaiNow, toInstant } from './labels';
import { changedFigures, type FigureValues } from './supplement-input';

interface Values extends FigureValues {
  changedAt: Dayjs;
  reportedAt?: Dayjs;
  note?: string;
}

/**
 * 补报: prefilled with the current figures; only those the user changes are sent (the server
 * keeps the others) and it regrades from the merged figures.
 */
function SupplementDialog({ accident, onClose }: { accident: AccidentData; onClose: () => void }) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const supplement = useSupplement(accident.id);
  const f = accident.figures;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const changed = changedFigures(f, v);
    if (Object.keys(changed).length === 0) {
      setFormError(t('accidents.supplements.nothingChanged'));
      return;
    }
    setFormError(null);
    try {
      const next = await supplement.mutateAsync({
        changedAt: toInstant(v.changedAt),
        reportedAt: v.reportedAt ? toInstant(v.reportedAt) : undefined,
        ...changed,
        note: v.note?.trim() || undefined,
      });
      void message.success(t('accidents.supplements.saved', { grade: pick(next.grade.label) }));
      onClose();
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  return (
    <Modal open title={t('accidents.supplements.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose} confirmLoading={supplement.isPending} width={640}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('accidents.supplements.hint', { days: String(accident.category.supplementDays), until: formatDeadline(accident.clocks.supplementWindow) })} />
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="accidentSupplement"
        layout="vertical"
        initialValues={{ changedAt: shanghaiNow(), deaths: String(f.deaths), missing: String(f.missing), seriousInjuries: String(f.seriousInjuries), minorInjuries: String(f.minorInjuries), directLossYuan: String(f.directLossYuan) }}
      >
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', columnGap: 12 }}>
          <Form.Item name="changedAt" label={t('accidents.supplements.changedAt')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('accidents.supplements.changedAt') }) }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reportedAt" label={t('accidents.fields.reportedAt')} extra={t('accidents.report.reportedAtHint')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <FigureFields deathsRequired={false} />
        <Form.Item name="note" label={t('accidents.supplements.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 补报记录: every supplement, counted or (after the window) kept for the record only. */
export function SupplementSection({ accident }: { accident: AccidentData }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [open, setOpen] = useState(false);
  const named = (s: AccidentData['supplements'][number]) =>
    SUPPLEMENT_FIGURES.filter((key) => s.named[key] !== undefined)
      .map((key) => `${t(`accidents.fields.${key}`)} ${key === 'directLossYuan' ? s.named[key]!.toLocaleString(language) : String(s.named[key])}`)
      .join(t('accidents.grade.separator'));
  const may = accident.actions.includes('supplement');
  return (
    <>
      {accident.supplements.length === 0 ? (
        <EmptyState description={t('accidents.supplements.none')} />
      ) : (
        <Timeline
          items={accident.supplements.map((s) => ({
            key: s.id,
            color: s.counted ? 'blue' : 'gray',
            title: (
              <span>
                {t('accidents.supplements.version', { n: String(s.version) })} · {formatDateTime(s.changedAt).slice(0, 16)} <GradeTag grade={s.grade} />{' '}
                {!s.counted && <Tag color="default">{t('accidents.supplements.notCounted')}</Tag>}
              </span>
            ),
            content: (
              <div data-testid="supplement">
                <div data-testid="supplement-named">{t('accidents.supplements.named', { figures: named(s) })}</div>
                <div>
                  {t('accidents.supplements.result')}
                  {t('accidents.supplements.figures', {
                    deaths: String(s.figures.deaths), missing: String(s.figures.missing), serious: String(s.figures.seriousInjuries), minor: String(s.figures.minorInjuries), loss: s.figures.directLossYuan.toLocaleString(language),
                  })}
                </div>
                {s.note && <div>{s.note}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('accidents.supplements.recorded', { reportedAt: formatDateTime(s.reportedAt).slice(0, 16), by: s.recordedBy.name })}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
      {may && <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('accidents.supplements.add')}</Button>}
      {open && <SupplementDialog accident={accident} onClose={() => setOpen(false)} />}
    </>
  );
}
