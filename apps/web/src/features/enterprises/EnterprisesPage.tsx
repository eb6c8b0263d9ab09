import { Route, Routes } from 'react-router';
import EnterpriseDetailPage from './EnterpriseDetailPage';
import EnterpriseListPage from './EnterpriseListPage';

/** /enterprises: the registry and one enterprise (/enterprises/:id). */
export default function EnterprisesPage() {
  return (
    <Routes>
      <Route index element={<EnterpriseListPage />} />
      <Route path=":id" element={<EnterpriseDetailPage />} />
    </Routes>
  );
}
