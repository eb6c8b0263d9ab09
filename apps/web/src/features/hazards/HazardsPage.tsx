import { Route, Routes } from 'react-router';
import DetailPage from './DetailPage';
import LedgerPage from './LedgerPage';
import ReportPage from './ReportPage';

/** /hazards: the ledger, the report form (/hazards/new) and one hazard (/hazards/:id). */
export default function HazardsPage() {
  return (
    <Routes>
      <Route index element={<LedgerPage />} />
      <Route path="new" element={<ReportPage />} />
      <Route path=":id" element={<DetailPage />} />
    </Routes>
  );
}
