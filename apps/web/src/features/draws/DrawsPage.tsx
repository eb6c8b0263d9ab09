import { Route, Routes } from 'react-router';
import { DrawWizardPage } from './DrawWizardPage';
import { PlanDetailPage } from './PlanDetailPage';
import { PlansListPage } from './PlansListPage';

/** /inspection-plans: the plans, one plan with its pool and draws, and the draw wizard. */
export default function DrawsPage() {
  return (
    <Routes>
      <Route index element={<PlansListPage />} />
      <Route path=":id" element={<PlanDetailPage />} />
      <Route path=":id/draws/new" element={<DrawWizardPage />} />
      <Route path=":id/draws/:drawId" element={<DrawWizardPage />} />
    </Routes>
  );
}
