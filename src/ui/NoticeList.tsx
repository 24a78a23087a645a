import type { ReactNode } from 'react';
import { useCalculator, useCalculatorStore } from '../store/context';

/** Dismissible messages from the store (a tampered link, unreadable saved state). Text only, never HTML. */
export function NoticeList(): ReactNode {
  const store = useCalculatorStore();
  const notices = useCalculator((state) => state.notices);
  return (
    <div className="lev-notices" role="status">
      {notices.map((notice, index) => (
        <div key={notice} className="lev-notice lev-notice--info">
          <p>{notice}</p>
          <button type="button" className="lev-button lev-button--quiet" aria-label={`Dismiss notice: ${notice.slice(0, 60)}`} onClick={() => store.getState().dismissNotice(index)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
