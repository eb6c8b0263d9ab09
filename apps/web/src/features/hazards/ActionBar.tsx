import { HAZARD_ACTIONS, type HazardAction } from '@anjian/domain';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useIsMobile } from '../../shared/ui/use-is-mobile';
import { ActDialog } from './ActDialog';
import type { HazardData } from './hazards.api';
import { useHazardLabels } from './labels';

/** The acts that move the loop forward get the primary colour; the ones that send it back, red. */
const PRIMARY: readonly HazardAction[] = ['verify', 'assign', 'submit_for_acceptance', 'accept', 'decide_extension'];
const DANGER: readonly HazardAction[] = ['reject', 'reject_acceptance', 'review_fail', 'record_accountability'];

/** Exactly the acts the server lists in `actions` for this user, each opening its dialog. */
export function ActionBar({ hazard, drawId }: { hazard: HazardData; drawId?: string }) {
  const labels = useHazardLabels();
  const mobile = useIsMobile();
  const [open, setOpen] = useState<HazardAction | null>(null);
  const actions = HAZARD_ACTIONS.filter((a) => hazard.actions.includes(a));
  if (actions.length === 0) return null;
  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="hazard-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            size={mobile ? 'large' : 'middle'}
            data-testid={`act-${a}`}
            onClick={() => setOpen(a)}
            style={mobile && PRIMARY.includes(a) ? { flex: '1 1 100%' } : undefined}
          >
            {labels.action(a)}
          </Button>
        ))}
      </Flex>
      {open && <ActDialog action={open} hazard={hazard} drawId={drawId} onClose={() => setOpen(null)} />}
    </>
  );
}
