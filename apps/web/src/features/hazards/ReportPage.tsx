import { HAZARD_LEVELS, HAZARD_SOURCES, canReportFrom, defaultReportSource, orgAudience, shanghaiDate, type HazardSource, type OrgType } from '@anjian/domain';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Result, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIndustries } from '../../shared/api/reference';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import { RegionPicker } from '../../shared/ui/RegionPicker';
import { useEnterprise, type EnterpriseData } from '../enterprises/enterprises.api';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect';
import { BackLink } from './BackLink';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { useReportHazard } from './hazards.api';
import { hazardPath } from './HazardList';
import { useHazardLabels } from './labels';
import { PhotoUpload } from './PhotoUpload';
import { UseMyLocation, type Position } from './UseMyLocation';

interface Values {
  title: string;
  level: 'general' | 'major';
  source: HazardSource;
  enterpriseId?: string;
  regionCode?: string;
  industryCode?: string;
  foundOn: Dayjs;
  location?: string;
  description?: string;
  criterionClause?: string;
  foundByName?: string;
  reporterName?: string;
  reporterPhone?: string;
  photos: string[];
}

/** 上报隐患, phone first: one column, large controls, camera and location a tap away. */
export default function ReportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useHazardLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [position, setPosition] = useState<Position | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const report = useReportHazard();
  const industries = useIndustries().data ?? [];
  const isEnterprise = me.org.type === 'enterprise';
  // An enterprise account reports for itself: its own record fills in the industry.
  const own = useEnterprise(isEnterprise ? me.org.id : undefined).data;
  const audience = orgAudience(me.org.type as OrgType);
  const sources = HAZARD_SOURCES.filter((s) => canReportFrom(audience, s));
  // The source the reporter's desk implies (网格员巡查, 企业自查, 监督检查), so the statistics by source hold.
  const defaultSource = defaultReportSource(audience, me.permissions);
  // A citizen's report names its reporter in fields of their own, kept confidential by the server.
  const publicReport = Form.useWatch('source', form) === 'public_report';

  useEffect(() => {
    if (own && !form.getFieldValue('industryCode')) form.setFieldValue('industryCode', own.industries[0]);
  }, [own, form]);

  if (!hasPermission(me, 'hazard.report')) {
    return <Result status={403} title={t('common.forbiddenTitle')} subTitle={t('common.forbiddenHint')} />;
  }

  const pickEnterprise = (e: EnterpriseData | undefined) => {
    if (!e) return;
    form.setFieldsValue({ regionCode: e.regionCode, industryCode: e.industries[0] ?? form.getFieldValue('industryCode') });
  };

  const submit = async (v: Values) => {
    setFormError(null);
    try {
      const created = await report.mutateAsync({
        title: v.title.trim(),
        level: v.level,
        source: v.source,
        enterpriseId: isEnterprise ? undefined : v.enterpriseId,
        regionCode: isEnterprise ? undefined : v.regionCode,
        industryCode: v.industryCode,
        foundOn: v.foundOn.format('YYYY-MM-DD'),
        location: v.location?.trim() || undefined,
        latitude: position?.latitude,
        longitude: position?.longitude,
        description: v.description?.trim() || undefined,
        criterionClause: v.criterionClause?.trim() || undefined,
        foundByName: v.source === 'public_report' ? undefined : v.foundByName?.trim() || undefined,
        reporter: v.source === 'public_report' && v.reporterName?.trim() ? { name: v.reporterName.trim(), phone: v.reporterPhone?.trim() || undefined } : undefined,
        photos: v.photos,
      });
      void message.success(t('hazards.report.done', { id: created.id }));
      void navigate(hazardPath(created.id), { replace: true });
    } catch (error) {
      setFormError(placeServerErrors(form, error, { 'reporter.name': 'reporterName', 'reporter.phone': 'reporterPhone' }));
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <BackLink />
      <Typography.Title level={4} style={{ marginTop: 4 }}>{t('hazards.report.title')}</Typography.Title>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        name="hazardReport"
        layout="vertical"
        size="large"
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        initialValues={{ level: 'general', source: defaultSource, foundOn: dayjs(shanghaiDate(new Date())), photos: [], regionCode: isEnterprise ? undefined : me.org.regionCode }}
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="title" label={t('hazards.title')} rules={[required(t('hazards.title')), { max: 100 }]}>
            <Input maxLength={100} placeholder={t('hazards.report.titlePlaceholder')} />
          </Form.Item>
          <Form.Item name="level" label={t('hazards.level')} extra={t('hazards.report.levelHint')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={HAZARD_LEVELS.map((value) => ({ value, label: labels.level(value) }))} />
          </Form.Item>
          <Form.Item name="source" label={t('hazards.source')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.source') }) }]}>
            <Select options={sources.map((value) => ({ value, label: labels.source(value) }))} disabled={sources.length === 1} />
          </Form.Item>
          {isEnterprise ? (
            <Form.Item label={t('hazards.enterprise')}>
              <Typography.Text strong data-testid="report-own-enterprise">{me.org.name}</Typography.Text>
            </Form.Item>
          ) : (
            <>
              <Form.Item name="enterpriseId" label={t('hazards.enterprise')} extra={t('hazards.report.enterpriseHint')}>
                <EnterpriseSelect onPick={pickEnterprise} />
              </Form.Item>
              <Form.Item name="regionCode" label={t('hazards.region')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.region') }) }]}>
                <RegionPicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="industryCode" label={t('hazards.industry')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={industries.map((i) => ({ value: i.code, label: labels.industry(i.code) }))} />
          </Form.Item>
          <Form.Item name="foundOn" label={t('hazards.foundOn')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.foundOn') }) }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(shanghaiDate(new Date())), 'day')} />
          </Form.Item>
        </Card>
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form.Item name="photos" label={t('hazards.report.photosBefore')}>
            <PhotoUpload testId="report-photos" onBusyChange={setUploading} />
          </Form.Item>
          <Form.Item name="location" label={t('hazards.location')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('hazards.report.locationPlaceholder')} />
          </Form.Item>
          <Form.Item style={{ marginTop: -8 }}>
            <UseMyLocation value={position} onChange={setPosition} />
          </Form.Item>
          <Form.Item name="description" label={t('hazards.description')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('hazards.report.descriptionPlaceholder')} />
          </Form.Item>
          <Form.Item name="criterionClause" label={t('hazards.criterionClause')} extra={t('hazards.report.criterionHint')} rules={[{ max: 300 }]}>
            <Input maxLength={300} />
          </Form.Item>
          {publicReport ? (
            <>
              <Alert type="info" showIcon title={t('hazards.report.reporterHint')} style={{ marginBottom: 16 }} />
              <Form.Item name="reporterName" label={t('hazards.report.reporterName')} rules={[{ max: 50 }]}>
                <Input maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item name="reporterPhone" label={t('hazards.report.reporterPhone')} rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: t('hazards.report.reporterPhoneInvalid') }]}>
                <Input inputMode="tel" maxLength={13} autoComplete="off" />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="foundByName" label={t('hazards.foundBy')} extra={t('hazards.report.foundByHint', { name: me.displayName })} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          )}
        </Card>
        <Button type="primary" htmlType="submit" block size="large" loading={report.isPending} disabled={uploading} data-testid="report-submit">
          {uploading ? t('hazards.photos.waiting') : t('hazards.report.submit')}
        </Button>
      </Form>
    </div>
  );
}
