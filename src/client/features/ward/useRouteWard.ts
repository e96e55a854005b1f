// The ward a /ward/:unit screen is about. Only a ward of the signed-in person counts, and that one
// becomes the header's current ward.
import { useParams } from '../../ui/router';
import { useUnits } from '../../data';
import { useDeclareWard } from './current-ward';

export function useRouteWard() {
  const unit = useParams().unit ?? '';
  const units = useUnits();
  const info = units?.find((u) => u.code === unit);
  const label = info ? `${info.code} · ${info.name}` : unit;
  useDeclareWard(info ? unit : null);
  return { unit, units, info, label };
}
