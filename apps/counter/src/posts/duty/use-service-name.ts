import { useStaffView } from '../../common/desk';
import { useLang } from '@onestop/ui';
import { named } from '../../common/hall-selectors';

/** A service's name for a list, e.g. `A 电费缴纳` (its id if the hall no longer has it). */
export function useServiceName() {
  const lang = useLang();
  const { hall } = useStaffView();
  return (id: string) => {
    const s = hall.services.find((x) => x.id === id);
    return s ? `${s.prefix} ${named(s, lang)}` : id;
  };
}
