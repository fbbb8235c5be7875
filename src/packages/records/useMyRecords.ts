import { useEffect, useState } from 'react';
import { actionFailedMessage, type MyRecordsAnswer } from '../../domain';
import { useMounted } from '../../hooks/useMounted';
import { confirmDestructive } from '../../services/confirmDestructive';
import { forgetStatus } from '../../services/launchStatus';
import { callAction, type ClientRefused } from '../../services/mobileCheckClient';
import type { OwnData } from './recordsText';

export type RecordsState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string; traceId: string }
  | { phase: 'ready'; data: OwnData };

export const DELETE_CONFIRMATION =
  '将删除本服务保存的您的全部核验记录和同意记录，删除后无法恢复。为防止滥用，次数计数不会因删除而重置，按授权书第五条逐项到期删除。';

function stateOf(answer: MyRecordsAnswer | ClientRefused): RecordsState {
  if (!answer.ok) return { phase: 'error', message: answer.message, traceId: answer.traceId };
  return { phase: 'ready', data: { records: answer.records, consents: answer.consents, limits: answer.limits } };
}

/** The person's own records from `myRecords`, and deleting them all (`deleteMyRecords`). */
export function useMyRecords() {
  const [state, setState] = useState<RecordsState>({ phase: 'loading' });
  // Each reading asks the function again.
  const [reading, setReading] = useState(0);
  const [deleting, setDeleting] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const mounted = useMounted();

  useEffect(() => {
    let active = true;
    void callAction('myRecords').then((answer) => {
      if (active) setState(stateOf(answer));
    });
    return () => {
      active = false;
    };
  }, [reading]);

  const reload = () => {
    setState({ phase: 'loading' });
    setReading((n) => n + 1);
  };

  const deleteAll = async () => {
    if (deleting) return;
    if (!(await confirmDestructive('删除全部记录', DELETE_CONFIRMATION, '删除'))) return;
    setDeleting(true);
    setDeleteError(null);
    const answer = await callAction('deleteMyRecords');
    if (!mounted.current) return;
    setDeleting(false);
    if (!answer.ok) {
      setDeleteError(actionFailedMessage('delete', answer.message));
      return;
    }
    forgetStatus(); // `status` no longer finds a verification
    setDeleted(true);
    // Shows what the function holds now: after deleting, only the limits record.
    reload();
  };

  return { state, reload, deleteAll, deleting, deleted, deleteError };
}
