import { Alert, Button, Card, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useIndustries } from '../../shared/api/reference';
import { useCurrentUser } from '../../shared/auth/session';
import { useLanguage } from '../../shared/i18n';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { useReportAccident, type ReportInput } from './accidents.api';
import { figureValue } from './figure-input';
import { FigureFields } from './GradeSummary';
import { categoryOptions, notFuture, shanghaiNow, toInstant } from './labels';

interface Values {
  occurredAt: Dayjs;
  regionCode: string;
  place: string;
  enterpriseId?: string;
  industryCode?: string;
  category: ReportInput['category'];
  /** The figures as typed: FigureFields reads them strictly before anything is sent. */
  deaths: string;
  missing?: string;
  seriousInjuries?: string;
  minorInjuries?: string;
  directLossYuan?: string;
  summary: string;
  cause?: string;
  reportedAt?: Dayjs;
}

/** 事故快报: the first report. The grade is not asked for — the server computes it and the detail page shows it. */
export default function ReportAccidentPage() {
  const { t } = useTranslation();
  const { pick, language } = useLanguage();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const report = useReportAccident();
  const industries = useIndustries();
  const regionCode = Form.useWatch('regionCode', form);

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const accident = await report.mutateAsync({
        occurredAt: toInstant(v.occurredAt),
        regionCode: v.regionCode,
        place: v.place.trim(),
        enterpriseId: v.enterpriseId || undefined,
        industryCode: v.industryCode || undefined,
        category: v.category,
        deaths: figureValue(v.deaths, 'deaths') ?? 0,
        missing: figureValue(v.missing, 'missing') ?? 0,
        seriousInjuries: figureValue(v.seriousInjuries, 'seriousInjuries') ?? 0,
        minorInjuries: figureValue(v.minorInjuries, 'minorInjuries') ?? 0,
        directLossYuan: figureValue(v.directLossYuan, 'directLossYuan') ?? 0,
        summary: v.summary.trim(),
        cause: v.cause?.trim() || undefined,
        reportedAt: v.reportedAt ? toInstant(v.reportedAt) : undefined,
      });
      // The detail page says which grade the server computed for the report just made.
      void navigate(`/accidents/${accident.id}`, { state: { createdGrade: accident.grade } });
    } catch (error) {
      setFormError(placeServerErrors(form, error));
    }
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  const requiredSelect = (field: string) => [{ required: true, message: t('common.requiredSelect', { field }) }];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{t('accidents.report.title')}</Typography.Title>
      <Card style={{ maxWidth: 920 }}>
        <Alert type="info" showIcon title={t('accidents.report.gradeHint')} style={{ marginBottom: 16 }} />
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          name="accidentReport"
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={{ occurredAt: shanghaiNow().second(0), regionCode: me.org.regionCode, deaths: '0', missing: '0', seriousInjuries: '0', minorInjuries: '0', directLossYuan: '0' }}
          scrollToFirstError
        >
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', columnGap: 16 }}>
            <Form.Item name="occurredAt" label={t('accidents.fields.occurredAt')} extra={t('accidents.report.beijingTime')} rules={requiredSelect(t('accidents.fields.occurredAt'))}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('accidents.fields.region')} extra={t('accidents.report.regionHint')} rules={requiredSelect(t('accidents.fields.region'))}>
              <RegionPicker />
            </Form.Item>
            <Form.Item name="place" label={t('accidents.fields.place')} rules={[...required(t('accidents.fields.place')), { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="enterpriseId" label={t('accidents.fields.enterprise')} extra={t('accidents.report.enterpriseHint')}>
              <EnterpriseSelect regionCode={regionCode} />
            </Form.Item>
            <Form.Item name="industryCode" label={t('accidents.fields.industry')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={industries.isPending}
                options={(industries.data ?? []).map((i) => ({ value: i.code, label: language === 'en-US' ? i.nameEn : i.nameZh }))}
              />
            </Form.Item>
            <Form.Item name="category" label={t('accidents.fields.category')} rules={requiredSelect(t('accidents.fields.category'))}>
              <Select options={categoryOptions(pick)} />
            </Form.Item>
          </div>
          <FigureFields />
          <Form.Item name="summary" label={t('accidents.fields.summary')} rules={[...required(t('accidents.fields.summary')), { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="cause" label={t('accidents.fields.cause')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="reportedAt" label={t('accidents.fields.reportedAt')} extra={t('accidents.report.reportedAtHint')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={notFuture} style={{ width: 260, maxWidth: '100%' }} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={report.isPending}>{t('accidents.report.submit')}</Button>
            <Link to="/accidents"><Button>{t('common.cancel')}</Button></Link>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
