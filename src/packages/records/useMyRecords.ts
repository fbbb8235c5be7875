import { useEffect, useState } from 'react';
import type { MyRecordsAnswer, OwnConsent, OwnVerification } from '../../domain';
import { useMounted } from '../../hooks/useMounted';
import { confirmDestructive } from '../../services/confirmDestructive';
import { forgetStatus } from '../../services/launchStatus';
import { callAction, type ClientRefused } from '../../services/mobileCheckClient';

export type RecordsState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string; traceId: string }
  | { phase: 'empty' }
  | { phase: 'ready'; records: OwnVerification[]; consents: OwnConsent[] };

export const DELETE_CONFIRMATION =
  '将删除本服务保存的您的全部核验记录和授权记录，删除后无法恢复。为防止滥用，核验次数限制不会因删除而重置，到期后自动恢复。';

function stateOf(answer: MyRecordsAnswer | ClientRefused): RecordsState {
  if (!answer.ok) return { phase: 'error', message: answer.message, traceId: answer.traceId };
  if (answer.records.length === 0 && answer.consents.length === 0) return { phase: 'empty' };
  return { phase: 'ready', records: answer.records, consents: answer.consents };
}

/** The person's own records from `myRecords`, and deleting them all (`deleteMyRecords`). */
export function useMyRecords() {
  const [state, setState] = useState<RecordsState>({ phase: 'loading' });
  // Each reading asks the function again.
  const [reading, setReading] = useState(0);
  const [deleting, setDeleting] = useState(false);
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
      setDeleteError(`删除未完成：${answer.message}`);
      return;
    }
    forgetStatus(); // `status` no longer finds a verification
    // Shows what the function holds now, which after deleting is nothing.
    reload();
  };

  return { state, reload, deleteAll, deleting, deleteError };
}
