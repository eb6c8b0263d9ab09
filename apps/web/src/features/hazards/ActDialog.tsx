import { shanghaiDate, type HazardAction } from '@anjian/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { keepEnterInPickers } from '../../shared/ui/enter-keys';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { AcceptFields } from './AcceptFields';
import { ActFields } from './ActFields';
import { placeServerErrors } from '../../shared/ui/form-errors';
import { hazardKeys, useHazardAct, useRefreshAfterAct, type HazardData } from './hazards.api';
import { useHazardLabels } from './labels';

/** The names a rule gives a field, where the form calls it something else. */
const ALIASES: Partial<Record<HazardAction, Record<string, string>>> = {
  assign: { supervisingDepartment: 'supervisingDepartmentId', responsibleUnit: 'responsibleOrgId' },
  submit_for_acceptance: { afterPhotos: 'photos' },
  accept: { managementLoopholeFixed: 'loopholeFixed' },
};

/** Form values to the route's body: dates as YYYY-MM-DD, text trimmed, empty text and empty groups left out. */
export function toBody(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value ?? undefined;
  const entries = Object.entries(value).map(([k, v]) => [k, toBody(v)] as const).filter(([, v]) => v !== undefined);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function initialValues(action: HazardAction, hazard: HazardData): Record<string, unknown> {
  const today = dayjs(shanghaiDate(new Date()));
  switch (action) {
    case 'list': return { suspend: false };
    case 'decide_extension': return { grantedDeadline: hazard.extensionRequest?.requestedDeadline ? dayjs(hazard.extensionRequest.requestedDeadline) : undefined };
    case 'record_accountability': return { decidedOn: today };
    case 'progress': case 'supervise': case 'submit_for_acceptance': return { photos: [] };
    default: return {};
  }
}

/**
 * One act on the hazard, in a dialog. A 422 puts the server's reasons on the fields; a 409
 * means someone acted first: say so, close, and show the hazard as it now is.
 */
export function ActDialog({ action, hazard, drawId, onClose }: { action: HazardAction; hazard: HazardData; drawId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useHazardLabels();
  const { message, modal } = App.useApp();
  const mobile = useIsMobile();
  const client = useQueryClient();
  const refresh = useRefreshAfterAct();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const act = useHazardAct(hazard.id);
  const signing = action === 'accept';
  const alertRef = useRef<HTMLDivElement>(null);
  // A long form (the 五落实) scrolls: bring the reason into view.
  useEffect(() => {
    if (formError) alertRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [formError]);

  const submit = async () => {
    const values = (await form.validateFields().catch((invalid: { errorFields?: { name: (string | number)[] }[] }) => {
      // The first field marked in red, in view (the 五落实 plan is below the fold on a phone).
      const first = invalid.errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
      return null;
    })) as Record<string, unknown> | null;
    if (!values) return;
    // 问责 is written for good (nothing leaves the ledger): one more, explicit yes.
    if (action === 'record_accountability') {
      const confirmed = await modal.confirm({
        title: t('hazards.acts.accountabilityConfirmTitle'),
        content: t('hazards.acts.accountabilityConfirm', { person: String(values.person ?? ''), decision: String(values.decision ?? '') }),
        okText: t('hazards.acts.accountabilityConfirmOk'),
        okButtonProps: { danger: true, 'data-testid': 'accountability-confirm' } as ButtonProps,
        cancelText: t('common.cancel'),
      });
      if (!confirmed) return;
    }
    setFormError(null);
    const body: Record<string, unknown> = { ...((toBody(values) as Record<string, unknown> | undefined) ?? {}), ...(drawId && action.startsWith('review_') ? { drawId } : {}) };
    if (action === 'submit_for_acceptance' || action === 'progress' || action === 'supervise') body.photos = values.photos ?? [];
    if (action === 'list') body.suspend = !!values.suspend;
    // The signature password goes as typed: spaces may be part of it.
    if (action === 'accept') body.password = values.password;
    if (action === 'decide_extension' && !values.approve) delete body.grantedDeadline;
    if (action === 'reject' && values.reason !== 'duplicate') delete body.duplicateOf;
    try {
      await act.mutateAsync({ action, body });
      void message.success(t('hazards.acts.done', { action: labels.action(action) }));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        onClose();
        void client.invalidateQueries({ queryKey: hazardKeys.one(hazard.id) });
        refresh();
        modal.warning({ title: t('hazards.acts.conflictTitle'), content: error.message, okText: t('common.ok') });
        return;
      }
      setFormError(placeServerErrors(form, error, ALIASES[action]));
    }
  };

  return (
    <Modal
      open
      title={signing ? t('hazards.signature.dialogTitle') : labels.action(action)}
      okText={signing ? t('hazards.signature.sign') : t('hazards.acts.submit')}
      okButtonProps={{ danger: action === 'review_fail' || action === 'reject' || action === 'reject_acceptance', disabled: uploading, 'data-testid': 'act-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={act.isPending}
      width={mobile ? '100%' : 560}
      style={mobile ? { top: 8, maxWidth: 'calc(100vw - 16px)' } : undefined}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid={`act-dialog-${action}`} onKeyDown={keepEnterInPickers}>
      <div ref={alertRef}>{formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="act-error" />}</div>
      <Form form={form} layout="vertical" name={`act_${action}`} initialValues={initialValues(action, hazard)} onFinish={() => void submit()}>
        {signing ? <AcceptFields hazard={hazard} /> : <ActFields action={action} hazard={hazard} form={form} onBusyChange={setUploading} />}
        <button type="submit" hidden />
      </Form>
      </div>
    </Modal>
  );
}
