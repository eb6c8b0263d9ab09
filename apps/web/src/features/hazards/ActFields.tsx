import { HAZARD_REJECTION_REASONS, shanghaiDate, type HazardAction } from '@anjian/domain';
import { Alert, DatePicker, Form, Input, Radio, Switch, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../shared/auth/session';
import { AssignFields } from './AssignFields';
import { DepartmentSelect } from './DepartmentSelect';
import type { HazardData } from './hazards.api';
import { useHazardLabels } from './labels';
import { PhotoUpload } from './PhotoUpload';

interface Props {
  action: HazardAction;
  hazard: HazardData;
  form: FormInstance;
  onBusyChange: (busy: boolean) => void;
}

/** The form of each act: exactly the body its route takes (contracts/hazards.ts). */
export function ActFields({ action, hazard, form, onBusyChange }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useHazardLabels();
  const reason = Form.useWatch('reason', form) as string | undefined;
  const approve = Form.useWatch('approve', form) as boolean | undefined;
  const today = dayjs(shanghaiDate(new Date()));
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const date = (field: string) => ({ required: true, message: t('common.requiredSelect', { field }) });
  const textArea = (name: string, label: string, needed: boolean, max = 2000) => (
    <Form.Item name={name} label={label} rules={needed ? [required(label), { max }] : [{ max }]}>
      <Input.TextArea rows={3} maxLength={max} showCount />
    </Form.Item>
  );
  const photos = (label: string, needed: boolean) => (
    <Form.Item name="photos" label={label} rules={needed ? [{ required: true, type: 'array', min: 1, message: t('hazards.acts.photosRequired') }] : []}>
      <PhotoUpload testId={`${action}-photos`} onBusyChange={onBusyChange} />
    </Form.Item>
  );
  const later = (d: dayjs.Dayjs) => d.isBefore(hazard.deadline ? dayjs(hazard.deadline).add(1, 'day') : today, 'day');

  switch (action) {
    case 'verify':
      return textArea('comment', t('hazards.acts.comment'), false);
    case 'reject':
      return (
        <>
          <Form.Item name="reason" label={t('hazards.acts.reason')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.acts.reason') }) }]}>
            <Radio.Group options={HAZARD_REJECTION_REASONS.map((value) => ({ value, label: labels.rejection(value) }))} />
          </Form.Item>
          {reason === 'duplicate' && (
            <Form.Item name="duplicateOf" label={t('hazards.acts.duplicateOf')} rules={[{ required: true, message: t('common.required', { field: t('hazards.acts.duplicateOf') }) }, { pattern: /^[1-9]\d{0,17}$/, message: t('hazards.acts.duplicateOfInvalid') }]}>
              <Input inputMode="numeric" prefix="#" />
            </Form.Item>
          )}
          {textArea('comment', t('hazards.acts.comment'), false)}
        </>
      );
    case 'assign':
      return <AssignFields hazard={hazard} form={form} />;
    case 'progress':
    case 'supervise':
      return (
        <>
          {textArea('comment', action === 'progress' ? t('hazards.acts.progressComment') : t('hazards.acts.superviseComment'), true)}
          {photos(t('hazards.acts.photos'), false)}
        </>
      );
    case 'request_extension':
      return (
        <>
          <Form.Item name="requestedDeadline" label={t('hazards.acts.requestedDeadline')} rules={[date(t('hazards.acts.requestedDeadline'))]} extra={t('hazards.acts.currentDeadline', { date: hazard.deadline ?? '—' })}>
            <DatePicker style={{ width: '100%' }} disabledDate={later} />
          </Form.Item>
          {textArea('reason', t('hazards.acts.reason'), true, 1000)}
        </>
      );
    case 'decide_extension': {
      const request = hazard.extensionRequest ?? {};
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hazards.acts.extensionRequested', { date: request.requestedDeadline ?? '—', current: hazard.deadline ?? '—' })} description={request.reason} />
          <Form.Item name="approve" label={t('hazards.acts.decision')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.acts.decision') }) }]}>
            <Radio.Group options={[{ value: true, label: t('hazards.acts.approve') }, { value: false, label: t('hazards.acts.refuse') }]} />
          </Form.Item>
          {approve && (
            <Form.Item name="grantedDeadline" label={t('hazards.acts.grantedDeadline')} extra={t('hazards.acts.grantedHint')}>
              <DatePicker style={{ width: '100%' }} disabledDate={later} />
            </Form.Item>
          )}
          {textArea('reason', t('hazards.acts.reason'), approve === false, 1000)}
        </>
      );
    }
    case 'list':
      return (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('hazards.acts.listHint', { org: me.org.name })} />
          <Form.Item name="liaisonLeader" label={t('hazards.acts.liaisonLeader')} rules={[required(t('hazards.acts.liaisonLeader')), { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('hazards.acts.department')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('hazards.acts.department') }) }]}>
            <DepartmentSelect regionCode={hazard.regionCode} />
          </Form.Item>
          <Form.Item name="suspend" label={t('hazards.acts.suspend')} valuePropName="checked" extra={t('hazards.acts.suspendHint')}>
            <Switch />
          </Form.Item>
          {textArea('comment', t('hazards.acts.comment'), false)}
        </>
      );
    case 'delist':
    case 'reject_acceptance':
      return textArea('reason', t('hazards.acts.reason'), true, action === 'delist' ? 1000 : 2000);
    case 'submit_for_acceptance':
      return (
        <>
          {photos(t('hazards.acts.afterPhotos'), true)}
          {textArea('comment', t('hazards.acts.submitComment'), false)}
        </>
      );
    case 'review_pass':
    case 'review_fail':
      return (
        <>
          {action === 'review_fail' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('hazards.acts.reviewFailHint')} />}
          {textArea('comment', t('hazards.acts.reviewComment'), true)}
        </>
      );
    case 'record_accountability':
      return (
        <>
          <Form.Item name="person" label={t('hazards.acts.person')} rules={[required(t('hazards.acts.person')), { max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="personOrg" label={t('hazards.acts.personOrg')} rules={[{ max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          {textArea('failure', t('hazards.acts.failure'), true, 1000)}
          {textArea('decision', t('hazards.acts.decision'), true, 1000)}
          <Form.Item name="decidedOn" label={t('hazards.acts.decidedOn')} rules={[date(t('hazards.acts.decidedOn'))]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
        </>
      );
    case 'accept':
      return null;
  }
}
