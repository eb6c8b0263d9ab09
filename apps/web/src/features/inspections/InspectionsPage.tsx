import { Route, Routes } from 'react-router';
import DetailPage from './DetailPage';
import InspectionListPage from './InspectionListPage';
import NewInspectionPage from './NewInspectionPage';

/** /inspections: the list, a new record (/inspections/new) and one record (/inspections/:id). */
export default function InspectionsPage() {
  return (
    <Routes>
      <Route index element={<InspectionListPage />} />
      <Route path="new" element={<NewInspectionPage />} />
      <Route path=":id" element={<DetailPage />} />
    </Routes>
  );
}
