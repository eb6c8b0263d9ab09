import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import CaseListPage from './CaseListPage';

const CaseDetailPage = lazy(() => import('./CaseDetailPage'));

/** /cases: the list of enforcement cases and one case (/cases/:id). */
export default function CasesPage() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path=":id" element={<CaseDetailPage />} />
    </Routes>
  );
}
