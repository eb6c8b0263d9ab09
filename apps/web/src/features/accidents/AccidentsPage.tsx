import { Result } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { hasPermission, useCurrentUser } from '../../shared/auth/session';
import AccidentListPage from './AccidentListPage';

const ReportAccidentPage = lazy(() => import('./ReportAccidentPage'));
const AccidentDetailPage = lazy(() => import('./AccidentDetailPage'));

/** /accidents: the ledger, the first report (/accidents/new) and one accident (/accidents/:id). */
export default function AccidentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayReport = hasPermission(me, 'accident.report');
  return (
    <Routes>
      <Route index element={<AccidentListPage />} />
      <Route path="new" element={mayReport ? <ReportAccidentPage /> : <Result status={403} title={t('common.forbiddenTitle')} subTitle={t('common.forbiddenHint')} />} />
      <Route path=":id" element={<AccidentDetailPage />} />
    </Routes>
  );
}
