import { useHall, useQuery, type HallConnection } from '@onestop/client';
import {
  DEFAULT_DISPLAY_LAYOUT,
  type DisplayLayoutKind,
  type DisplayOrientation,
  type MediaItem,
} from '@onestop/shared';
import { useEffect, useState } from 'react';

/** How often the media folder is listed again (files added while the display runs). */
const MEDIA_REFRESH_MS = 5 * 60_000;

/**
 * This display's layout and orientation: asked once (the answer names this device), then
 * followed in the hall's records as the admin changes it, with no reload.
 */
export function useDisplayLayout(connection: HallConnection): {
  layout: DisplayLayoutKind;
  orientation: DisplayOrientation;
} {
  const link = useHall(connection, (v) => v.link);
  const { data } = useQuery(connection, 'display:settings', {}, link === 'online' ? 'own' : null);
  const chosen = useHall(connection, (v) =>
    data ? v.hall?.displayLayouts.find((l) => l.id === data.deviceId) : undefined,
  );
  return {
    layout: chosen?.layout ?? data?.layout ?? DEFAULT_DISPLAY_LAYOUT.layout,
    orientation: chosen?.orientation ?? data?.orientation ?? DEFAULT_DISPLAY_LAYOUT.orientation,
  };
}

/** The hall's media folder, listed when the media zone is shown and again every few minutes. */
export function useMediaList(connection: HallConnection, wanted: boolean): MediaItem[] | null {
  const link = useHall(connection, (v) => v.link);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!wanted) return;
    const timer = setInterval(() => setTick((n) => n + 1), MEDIA_REFRESH_MS);
    return () => clearInterval(timer);
  }, [wanted]);
  const key = wanted && link === 'online' ? `media/${tick}` : null;
  const { data } = useQuery(connection, 'display:media', {}, key);
  return data?.items ?? null;
}
